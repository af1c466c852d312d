// @case library=pino path=public/app.ts
// Browser code (served from public/): its console is the user's devtools, not the service's logs.
export async function load(url: string) {
  try {
    return await fetch(url);
  } catch (err) {
    console.error('load failed', String(err));
    return null;
  }
}
