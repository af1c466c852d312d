import { describe, expect, it, vi } from 'vitest';
import { throwEnvError } from './env';

describe('throwEnvError', () => {
  it('prints the issues before throwing', () => {
    const consoleErrorSpy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => throwEnvError(['ENCRYPTION_KEY'])).toThrow();
    expect(consoleErrorSpy).toHaveBeenCalledWith('Invalid environment variables: ENCRYPTION_KEY', { issues: ['ENCRYPTION_KEY'] });
  });
});
