module.exports = { insert: async (rows) => rows.length };
