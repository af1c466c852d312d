// @case library=pino loggerModule=src/logger.ts path=src/app.ts rules=console-logging,unstructured-log-message
export function run(id: string) {
  // obs-lens-disable-next-line console-logging
  console.log('suppressed for console-logging only');
  // obs-lens-disable-next-line
  console.log(`suppressed for every rule ${id}`);
  // obs-lens-disable-next-line unstructured-log-message
  console.log(`still console-logging ${id}`);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  console.log('not suppressed');
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
