import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('derives the public URL and this server\'s Sandbox from PORT', () => {
    const c = loadConfig({ PORT: '9100' });
    expect(c.port).toBe(9100);
    expect(c.publicUrl).toBe('http://localhost:9100');
    expect(c.sandboxUrl).toBe('http://127.0.0.1:9100');
  });

  it('lets a port given on the command line win over PORT, and the derived addresses follow it', () => {
    const c = loadConfig({ PORT: '9100' }, { port: 8099 });
    expect(c.port).toBe(8099);
    expect(c.publicUrl).toBe('http://localhost:8099');
    expect(c.sandboxUrl).toBe('http://127.0.0.1:8099');
  });

  it('keeps addresses set explicitly whatever the port', () => {
    const c = loadConfig({ CHHAVI_SANDBOX_URL: 'http://sandbox.internal:7000', CHHAVI_PUBLIC_URL: 'https://chhavi.example' }, { port: 8099 });
    expect(c.sandboxUrl).toBe('http://sandbox.internal:7000');
    expect(c.publicUrl).toBe('https://chhavi.example');
  });

  it('refuses a PORT that is not a port', () => {
    expect(() => loadConfig({ PORT: '80a' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be an integer from 0 to 65535/);
  });
});
