// @case library=pino path=src/Logger.js rules=unstructured-log-message,console-logging
// MiroTalk SFU's Logger itself: console prints, reported once here; the prefix before the caller's
// message (its time, its name) is the logger's format, not a message built from values, and the JSON
// record built just before `console.log(JSON.stringify(logObj))` is a record with its level.
'use strict';

const util = require('util');
const colors = require('colors');

module.exports = class Logger {
    constructor(appName = 'app') {
        this.appName = colors.yellow(appName);
    }

    jsonLog(level, appName, msg, op) {
        const logObj = { timestamp: new Date().toISOString(), level, app: appName, message: msg };
        console.log(JSON.stringify(logObj));
    }

    info(msg, op = '') {
        if (process.env.LOGS_JSON) this.jsonLog('info', this.appName, msg, op);
        else console.info('[' + this.getDateTime() + '] [' + this.appName + '] ' + colors.green(msg), util.inspect(op, { depth: null }));
           //~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    }

    getDateTime() {
        return new Date().toISOString();
    }
};
