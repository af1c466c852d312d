// Node-RED's @node-red/util log module: level methods put the message in a record that log.log hands
// to the handlers the settings configure (a console one among them).
var logHandlers = [];

var log = module.exports = {
    INFO: 30,
    WARN: 40,
    ERROR: 20,
    addHandler: function(handler) {
        logHandlers.push(handler);
    },
    log: function(msg) {
        msg.timestamp = Date.now();
        logHandlers.forEach(function(handler) {
            handler.emit("log", msg);
        });
    },
    info: function(msg) {
        log.log({level: log.INFO, msg: msg});
    },
    warn: function(msg) {
        log.log({level: log.WARN, msg: msg});
    },
    error: function(msg) {
        log.log({level: log.ERROR, msg: msg});
    }
};
