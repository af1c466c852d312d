// @case library=pino loggerModule=src/logger.ts path=src/worker/links.ts
// A helper that prints its message with console (Linkwarden's worker: `logInfo(message)` colours it
// blue) is a log call where it is called: the message built there is reported, without a fix (the
// helper decides what is printed). The console call inside it is console-logging's.
const logInfo = (message: string) => console.log('\x1b[34m%s\x1b[0m', message);

export async function processLinks(links: Array<{ id: number; url: string }>): Promise<void> {
  logInfo(`Processing ${links.length} links`);
        //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  for (const link of links) logInfo('link queued');
}

// A function that prints one of its parameters past the first argument, named for something else
// (Linkwarden's `checkStripeSubscriptionByEmail(email)` printing `'Request made to Stripe by:', email`),
// is no log helper: what its callers pass is not a message.
async function checkSubscription(email: string): Promise<boolean> {
  console.log('Request made to Stripe by:', email);
  return email.endsWith('.com');
}

export async function verify(user: { name: string; domain: string }): Promise<boolean> {
  return checkSubscription(`${user.name}@${user.domain}`);
}
