export class LogHelper {
  static error(value) {
    console.error('\x1b[31m🚨 %s\x1b[0m', value)
  }
}
