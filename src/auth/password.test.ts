import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('stores scrypt with its cost and a random salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('never verifies against a malformed or foreign hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$c2FsdA==$aGFzaA==')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });

  it('treats composed and decomposed Devanagari as the same password', async () => {
    const composed = 'पासवर्ड-क़ानून-2024'.normalize('NFC');
    const hash = await hashPassword(composed);
    expect(await verifyPassword(composed.normalize('NFD'), hash)).toBe(true);
  });
});

describe('password policy', () => {
  it('explains what is wrong', () => {
    expect(passwordProblem('short', 'ravi')).toMatch(/at least 12/);
    expect(passwordProblem('ravi.kumar.delhi', 'Ravi.Kumar.Delhi')).toMatch(/not be the username/);
    expect(passwordProblem('aaaaaaaaaaaaaa', 'ravi')).toMatch(/repeat/);
    expect(passwordProblem('a long enough passphrase', 'ravi')).toBeNull();
  });

  it('generates one-time passwords that pass the policy and differ', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
      expect(passwordProblem(p, 'admin')).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
});
