export const scoped = { info: (_m: string) => undefined };
