import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { AuditLog } from '../audit/audit-log.js';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { silentLogger } from '../log/logger.js';
import { Keyring } from '../secrets/keyring.js';
import { AuthService, type IssuedSession } from './auth-service.js';

function cookieOptions(publicUrl: string): Record<string, unknown> {
  const auth = new AuthService({
    db: {} as Database,
    audit: {} as AuditLog,
    keyring: Keyring.fromBase64(randomBytes(32).toString('base64')),
    config: loadConfig({ CHHAVI_PUBLIC_URL: publicUrl, CHHAVI_DATA: 'unused' }),
    logger: silentLogger,
  });
  const calls: unknown[][] = [];
  const reply = { setCookie: (...args: unknown[]) => (calls.push(args), reply) } as unknown as FastifyReply;
  const expiresAt = new Date('2027-01-01T12:00:00Z');
  auth.setCookie(reply, { cookieValue: 'v', csrfToken: 'c', expiresAt, secondFactorPending: false } as IssuedSession);
  expect(calls).toHaveLength(1);
  expect(calls[0]![0]).toBe('chhavi_session');
  expect(calls[0]![1]).toBe('v');
  return calls[0]![2] as Record<string, unknown>;
}

describe('session cookie', () => {
  it('is Secure behind an https public URL', () => {
    expect(cookieOptions('https://chhavi.police.example')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'strict', path: '/' });
  });

  it('is not Secure on plain http (a laptop or a closed network)', () => {
    expect(cookieOptions('http://localhost:8080')).toMatchObject({ secure: false, httpOnly: true, sameSite: 'strict', path: '/' });
  });
});
