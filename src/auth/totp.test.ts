import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.js';
import { hotp, matchTotp, otpauthUrl, totpCode, totpStep } from './totp.js';

// RFC 6238 appendix B uses the ASCII key "12345678901234567890" with SHA-1 and 8 digits; the
// 6-digit codes are the last six digits of those values.
const RFC_KEY = Buffer.from('12345678901234567890');
const RFC_SECRET = base32Encode(RFC_KEY);

describe('base32', () => {
  it('round-trips and matches RFC 4648 vectors', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('mzxw 6ytb oi==').toString()).toBe('foobar');
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(() => base32Decode('ABC1')).toThrow(/invalid base32/);
  });
});

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
    ];
    for (const [seconds, eight] of vectors) {
      expect(hotp(RFC_KEY, totpStep(seconds * 1000), 8)).toBe(eight);
      expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(eight.slice(2));
    }
  });

  it('accepts one step of drift either side and refuses steps already used', () => {
    const t = 1_700_000_000_000;
    const step = totpStep(t);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, t), t)).toBe(step);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, t - 30_000), t)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, t + 30_000), t)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, t - 60_000), t)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, t), t, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, '12345', t)).toBeNull();
    expect(matchTotp(RFC_SECRET, 'abcdef', t)).toBeNull();
  });

  it('builds an otpauth URL that apps read', () => {
    const url = new URL(otpauthUrl(RFC_SECRET, 'ravi.k'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Chhavi:ravi.k');
    expect(url.searchParams.get('secret')).toBe(RFC_SECRET);
    expect(url.searchParams.get('issuer')).toBe('Chhavi');
  });
});
