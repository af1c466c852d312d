// Juice Shop's lib/utils.ts: an error's text, imported by its callers as a namespace.
export const getErrorMessage = (error: unknown) => {
  if (error instanceof Error) return error.message;
  return String(error);
};

export const trunc = (text: string, length: number) => text.slice(0, length);
