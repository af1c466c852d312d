import { KuzzleLogger } from "kuzzle-logger";

export class Logger extends KuzzleLogger {
  constructor(config: object, namespace: string = "kuzzle") {
    super({ ...config, namespace });
  }
}
