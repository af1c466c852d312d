const { echo } = require('./jobs/echo');
echo('info', 'started');
