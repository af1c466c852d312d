'use strict'

const { Signale } = require('signale')

module.exports = new Signale({
	scope: 'Ackee',
})
