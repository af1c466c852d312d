export async function startServer(): Promise<void> {}
