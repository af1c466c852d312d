import tracer from 'dd-trace';

tracer.init({ service: 'orders' });
tracer.use('express');
tracer.use('http');

export default tracer;
