'use strict';

const util = require('util');
const colors = require('colors');

// MiroTalk SFU's Logger: a class exported whole, each level printing the logger's own prefix (its
// time, its name) before the caller's message, coloured, and the caller's second argument inspected.
module.exports = class Logger {
    constructor(appName = 'app') {
        this.appName = colors.yellow(appName);
    }

    jsonLog(level, appName, msg, op) {
        const logObj = { timestamp: new Date().toISOString(), level, app: appName, message: msg };
        if (op && typeof op === 'object') logObj.data = op;
        console.log(JSON.stringify(logObj));
    }

    info(msg, op = '') {
        if (process.env.LOGS_JSON) this.jsonLog('info', this.appName, msg, op);
        else console.info('[' + this.getDateTime() + '] [' + this.appName + '] ' + colors.green(msg), util.inspect(op, { depth: null }));
    }

    error(msg, op = '') {
        console.error('[' + this.getDateTime() + '] [' + this.appName + '] ' + colors.red(msg), util.inspect(op, { depth: null }));
    }

    getDateTime() {
        return new Date().toISOString();
    }
};
