// @case path=scripts/lint.js
// A console-backed log helper of the project's own in a lint step (Leon's scripts/lint.js, run by
// package.json `lint`): the error's text goes to the person at the terminal, as console's would.
import { LogHelper } from '../server/src/helpers/log-helper.js'

try {
  run()
} catch (e) {
  LogHelper.error(`Does not look great: ${e.message}`)
}
