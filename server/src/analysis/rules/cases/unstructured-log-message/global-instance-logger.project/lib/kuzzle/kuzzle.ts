import { Logger } from "./Logger";

class Kuzzle {
  public log: Logger;

  constructor(config: object) {
    global.kuzzle = this;
    this.log = new Logger(config);
  }

  async start(): Promise<void> {
    this.log.info("[✔] Kuzzle is ready");
  }
}

export { Kuzzle };
