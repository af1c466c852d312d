module.exports.startServer = async () => {};
