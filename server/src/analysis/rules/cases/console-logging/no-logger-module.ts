// @case library=pino path=src/app.ts
export function start() {
  console.log('no logger module in this project: reported, but no fix to offer');
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
