module.exports = { info: function() {}, warn: function() {}, error: function() {} };
