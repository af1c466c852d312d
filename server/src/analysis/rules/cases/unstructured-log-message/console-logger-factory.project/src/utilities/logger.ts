import chalkTemplate from 'chalk-template'

type LogOptions = { verbose?: boolean; error?: unknown }

function createLogger(scope: string) {
	const log = (message = '', { verbose, error }: LogOptions = {}) => {
		if (verbose && !process.env.VERBOSE) return
		console.log(chalkTemplate`{white {blue [${scope}]} ${message}}`)
		if (error) console.log(error)
	}

	return {
		log: (message?: string) => log(message),
		verbose: (message: string) => log(chalkTemplate`{grey ${message}}`, { verbose: true }),
		error: (message: string, error?: unknown) => log(chalkTemplate`{red [error]} ${message}`, { error }),
		createChildLogger: (scope: string) => createLogger(scope),
	}
}

export default createLogger
