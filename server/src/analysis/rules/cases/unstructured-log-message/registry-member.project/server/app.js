const yapi = require('./yapi.js');
const commons = require('./utils/commons');
yapi.commons = commons;
require('./controllers/user');
