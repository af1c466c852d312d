// @case library=pino path=lib/api/controllers/securityController.ts rules=unstructured-log-message
// Kuzzle: its Logger extends kuzzle-logger's KuzzleLogger (pino underneath: fields first), the
// server puts itself on the global object in its constructor (`global.kuzzle = this`, `this.log =
// new Logger(config)`), and its controllers keep `global.kuzzle.log.child(...)` in a field typed
// `any`. A package on uWebSockets.js is a server, whatever prompts (inquirer) it also has.
export class SecurityController {
  protected readonly logger: any;

  constructor() {
    this.logger = global.kuzzle.log.child("api:controllers:security");
  }

  async createUser(creatorId: string, id: string): Promise<void> {
    this.logger.info(
      { creatorId, id },
      '[SECURITY] User applied action "createUser" on user'
    );
    this.logger.info({ creatorId, id }, "[SECURITY] user created");
  }
}
