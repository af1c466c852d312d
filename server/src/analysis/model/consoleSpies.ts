// Tests that spy on console and assert its calls (Formbricks' env-validation-error.test.ts:
// `vi.spyOn(console, "error")`, then `expect(consoleErrorSpy).toHaveBeenCalledWith(message, { issues })`).
// A fix that moves a console call of a module such a test imports to the project's logger takes the
// call away from the spy, and the test fails: analyze.ts offers that fix without applying it. The
// message need not be a literal the test repeats (model/assertedTexts.ts covers those), so the test's
// imports decide: the modules it imports are the ones it checks.
//
// Every pattern's repetitions are bounded: a file of any size is read in one linear pass each.
const SPIES_ON_CONSOLE = /\b(?:spyOn|stub|spy)\(\s*console\s*,\s*['"]([a-z]{1,12})['"]/g;
/** `console.error = jest.fn()`, `global.console.warn = vi.fn()`. */
const REPLACES_CONSOLE = /\bconsole\.([a-z]{1,12})\s*=\s*(?:jest|vi|sinon)\.(?:fn|spy|stub)\(/g;
/** An assertion on how a spy was called (or how often): a spy that only silences output asserts nothing. */
const ASSERTS_CALLS = /alledWith|alledTimes|toHaveBeenCalled|toBeCalled|\.mock\.calls|calledOnce|\.callCount|\.called\b/;

/** The console methods the test file spies on and asserts calls of; none for any other file. */
export function consoleMethodsSpied(text: string): string[] {
  if (!text.includes('console') || !ASSERTS_CALLS.test(text)) return [];
  const methods = new Set<string>();
  for (const m of text.matchAll(SPIES_ON_CONSOLE)) methods.add(m[1]);
  for (const m of text.matchAll(REPLACES_CONSOLE)) methods.add(m[1]);
  return [...methods].sort();
}
