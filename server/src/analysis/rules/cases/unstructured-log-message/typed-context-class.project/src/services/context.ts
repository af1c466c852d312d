import pino from 'pino';
const logger = pino();
export class ReqContextClass {
  public logger: pino.BaseLogger;
  constructor() {
    this.logger = logger;
  }
}
