import createLogger from './utilities/logger.js'
import Apps from './apps.js'

export default class Daemon {
	logger: ReturnType<typeof createLogger>
	apps: Apps
	constructor() {
		this.logger = createLogger('daemon')
		this.apps = new Apps(this)
	}
}
