import { randomBytes } from 'node:crypto';
import type { AppContext } from '../app/context.js';
import type { SystemActor } from '../auth/actor.js';
import { isForceWide, type Role } from '../auth/roles.js';
import type { App } from '../http/server.js';
import { CSRF_HEADER } from '../http/request-auth.js';
import { insertUnit } from '../units/unit-repository.js';

const FACTORY: SystemActor = { system: true, label: 'test-factory' };

function suffix(): string {
  return randomBytes(4).toString('hex');
}

/** A new active district unit of its own. */
export async function makeUnit(ctx: AppContext, opts: { id?: string; nameEn?: string; nameHi?: string } = {}): Promise<{ id: string }> {
  const id = opts.id ?? `t-${suffix()}`;
  await insertUnit(ctx.db, { id, kind: 'district', nameEn: opts.nameEn ?? `Test district ${id}`, nameHi: opts.nameHi ?? `परीक्षण जिला ${id}`, parentId: null });
  return { id };
}

export interface MadeUser {
  id: string;
  username: string;
  password: string;
}

/**
 * A user that can sign in at once (no forced password change). A scoped role given neither units
 * nor allUnits gets a new unit of its own, so tests never share rows by accident.
 */
export async function makeUser(
  ctx: AppContext,
  opts: { role: Role; unitIds?: string[]; allUnits?: boolean; username?: string; password?: string; displayName?: string },
): Promise<MadeUser> {
  const username = opts.username ?? `user-${suffix()}`;
  const password = opts.password ?? `Pw-${randomBytes(9).toString('base64url')}`;
  let unitIds = opts.unitIds;
  if (!isForceWide(opts.role) && !opts.allUnits && (!unitIds || unitIds.length === 0)) unitIds = [(await makeUnit(ctx)).id];
  const { user } = await ctx.users.create(FACTORY, {
    username,
    displayName: opts.displayName ?? username,
    role: opts.role,
    unitIds: isForceWide(opts.role) ? undefined : unitIds,
    allUnits: opts.allUnits,
    password,
    mustChangePassword: false,
  });
  return { id: user.id, username: user.username, password };
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  /** Cookie and CSRF headers for `app.inject`. */
  headers(): Record<string, string>;
}

/** Signs in through the API; throws with the response when the sign-in fails. */
export async function signIn(app: App, username: string, password: string): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res.headers['set-cookie']);
  if (!cookie) throw new Error('sign-in set no session cookie');
  const csrfToken = res.json<{ user: { csrfToken: string } }>().user.csrfToken;
  return { cookie, csrfToken, headers: () => ({ cookie, [CSRF_HEADER]: csrfToken }) };
}

/** `chhavi_session=<value>` from a Set-Cookie header, for a Cookie request header. */
export function sessionCookie(setCookie: string | string[] | undefined): string | null {
  for (const line of [setCookie ?? []].flat()) {
    const m = /^(chhavi_session=[^;]*)/.exec(line);
    if (m && m[1] !== 'chhavi_session=') return m[1]!;
  }
  return null;
}
