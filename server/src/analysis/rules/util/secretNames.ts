// Names that look like secrets. Matching is on whole words of the name (camelCase, snake_case,
// kebab-case split), and on its LAST word or two: `accessToken` and `x-api-key` are secrets,
// `tokenCount`, `passwordChanged` and `sessionId` (a correlation id) are not.
import { words } from '../../nameWords';

/** Secret-like when the LAST word of a name is one of these... */
const SECRET_LAST_WORDS = new Set(['password', 'passwords', 'passwd', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'jwt', 'apikey', 'authorization', 'cookie', 'cookies', 'cvv', 'cvc', 'ssn', 'session', 'credentials', 'pin']);
/** ...or its last two words are one of these. */
// A password's hash or digest is cracked offline once leaked: a secret too.
// A link that signs a person in or resets their password carries its token (`resetLink`, `magicLink`).
const SECRET_LAST_PAIRS = new Set([
  'api key', 'private key', 'secret key', 'access key', 'card number', 'credit card', 'set cookie', 'client secret', 'password hash', 'password digest', 'password salt',
  'reset link', 'reset url', 'magic link', 'invite link', 'invite url', 'invitation link', 'invitation url', 'verification link', 'verification url', 'login link', 'signin link',
]);

/** Tokens that are positions or handles, not credentials: `nextPageToken`, `continuationToken`. */
const NOT_SECRET_PAIRS = new Set(['page token', 'continuation token', 'cancellation token', 'next token', 'sync token', 'resume token', 'cursor token']);

/** First words of a count or a limit of them (`numberOfDeletedTokens`, `maxTokens`, `totalTokens`): a number, no secret. */
const COUNT_FIRST_WORDS = new Set(['number', 'num', 'count', 'total', 'max', 'min']);

/** First words of boolean-style names. */
// A verb first makes a setting (Audiobookshelf's `returnTokens`, `includePassword`, `skipToken`): whether to, not the secret.
const FLAG_FIRST_WORDS = new Set(['has', 'is', 'should', 'needs', 'requires', 'missing', 'no', 'valid', 'invalid', 'expired', 'can', 'use', 'with', 'without', 'return', 'returns', 'include', 'includes', 'skip', 'allow', 'enable', 'disable', 'show', 'hide']);


/**
 * What each name was found to be (SECRET and PERSONAL bits): a workspace repeats its field names
 * (`id`, `userId`, `amount`) in every log call, and splitting one into words makes five strings.
 * Bounded: cleared when it holds MAX_NAMES names.
 */
const verdicts = new Map<string, number>();
const SECRET = 1;
const PERSONAL = 2;
const PERSONAL_IP = 4;
const PERSONAL_PHONE = 8;
const MAX_NAMES = 20_000;

function verdictOf(name: string): number {
  let v = verdicts.get(name);
  if (v === undefined) {
    if (verdicts.size >= MAX_NAMES) verdicts.clear();
    const w = words(name);
    v = (secretWords(w) ? SECRET : 0) | (personalWords(w) ? PERSONAL : 0) | (ipWords(w) ? PERSONAL_IP : 0) | (phoneWords(w) ? PERSONAL_PHONE : 0);
    verdicts.set(name, v);
  }
  return v;
}

/** Whether a field or variable name names a secret. */
export function isSecretName(name: string): boolean {
  return (verdictOf(name) & SECRET) !== 0;
}

function secretWords(w: readonly string[]): boolean {
  if (w.length === 0) return false;
  // `hasPassword`, `isTokenValid`, `missingApiKey` name a fact about the secret, not the secret.
  if (w.length >= 2 && (FLAG_FIRST_WORDS.has(w[0]) || COUNT_FIRST_WORDS.has(w[0]))) return false;
  if (w.length >= 2 && NOT_SECRET_PAIRS.has(`${w[w.length - 2]} ${w[w.length - 1]}`)) return false;
  if (SECRET_LAST_WORDS.has(w[w.length - 1])) return true;
  return w.length >= 2 && SECRET_LAST_PAIRS.has(`${w[w.length - 2]} ${w[w.length - 1]}`);
}

/** Personal data by the LAST word of a name: an email address identifies a person (`userEmail`, `providerEmail`, `emails`). */
const PERSONAL_LAST_WORDS = new Set(['email', 'emails']);
/**
 * A client's IP address is personal data too (GDPR counts it): `clientIp`, `userIP`, `ipAddress`,
 * `remoteAddress`, `x-forwarded-for`. A bare `ip` may be the server's own (`const ip = '0.0.0.0'`),
 * and so are `serverIp`, `hostIp` and `bindIp`: only a name that says whose it is counts.
 */
const IP_LAST_PAIRS = new Set(['ip address', 'ip addresses', 'remote address', 'remote ip', 'forwarded for', 'real ip', 'client ip', 'user ip', 'visitor ip', 'request ip', 'caller ip', 'source ip', 'requester ip', 'connecting ip']);

/** Whether a field or variable name names personal data (`user.email`, `userEmails`, `clientIp`), not a fact about it (`hasEmail`, `emailVerified`). */
export function isPersonalDataName(name: string): boolean {
  return (verdictOf(name) & (PERSONAL | PERSONAL_IP | PERSONAL_PHONE)) !== 0;
}

/** What personal data a name holds, for a message: an email address or an IP address. */
export function personalDataKind(name: string): 'an email address' | 'an IP address' | 'a phone number' | null {
  const v = verdictOf(name);
  return v & PERSONAL ? 'an email address' : v & PERSONAL_IP ? 'an IP address' : v & PERSONAL_PHONE ? 'a phone number' : null;
}

/**
 * A person's phone number, by the last word or two of a name: `phone`, `formattedPhone`,
 * `phoneNumber`, `mobileNumber` (not `phoneVerified`, `hasPhone`, `phoneRegex`).
 */
const PHONE_LAST_WORDS = new Set(['phone', 'phones', 'telephone', 'msisdn']);
const PHONE_LAST_PAIRS = new Set(['phone number', 'phone numbers', 'mobile number', 'cell number', 'telephone number']);

function phoneWords(w: readonly string[]): boolean {
  if (w.length === 0 || (w.length >= 2 && FLAG_FIRST_WORDS.has(w[0]))) return false;
  return PHONE_LAST_WORDS.has(w[w.length - 1]) || (w.length >= 2 && PHONE_LAST_PAIRS.has(`${w[w.length - 2]} ${w[w.length - 1]}`));
}

function personalWords(w: readonly string[]): boolean {
  if (w.length === 0) return false;
  if (w.length >= 2 && FLAG_FIRST_WORDS.has(w[0])) return false;
  return PERSONAL_LAST_WORDS.has(w[w.length - 1]);
}

function ipWords(w: readonly string[]): boolean {
  if (w.length < 2 || FLAG_FIRST_WORDS.has(w[0])) return false;
  return IP_LAST_PAIRS.has(`${w[w.length - 2]} ${w[w.length - 1]}`);
}
