import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import type { Database, Queryable } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { Keyring } from '../secrets/keyring.js';
import type { AuditLog } from '../audit/audit-log.js';
import { AppError } from '../http/errors.js';
import type { RequestAuth, RequestAuthenticator } from '../http/request-auth.js';
import type { Actor, SystemActor } from './actor.js';
import {
  claimTotpStep,
  clearAccountFailures,
  findAccountById,
  findAccountByUsername,
  recordAccountFailure,
  updatePasswordHash,
  updateProfile,
  type AccountRow,
} from './account-repository.js';
import { LOGIN_POLICY, SESSION_COOKIE } from './login-policy.js';
import { loadMe, type Me } from './me.js';
import { assertPasswordPolicy, decoyPasswordHash, hashPassword, verifyPassword } from './password.js';
import { actorFor } from './principal.js';
import { deleteSession, deleteUserSessions, findSession, insertSession, newCsrfToken, newSessionSecret, purgeSessions, sessionIdFor, touchSession } from './session-store.js';
import { findApiTokenByHash, parseApiToken, touchApiToken } from './token-store.js';
import { ipThrottleKey, purgeThrottle, recordThrottleFailure, throttleRetryAfter } from './throttle.js';
import { TotpSettings, verifyLoginCode } from './totp-settings.js';
import { ApiTokens } from './api-tokens.js';
import { requireSession } from './session-only.js';

export interface AuthServiceDeps {
  db: Database;
  audit: AuditLog;
  keyring: Keyring;
  config: Config;
  logger: Logger;
  /** The time, for expiry and TOTP; tests may fix it. */
  clock?: () => Date;
}

export interface ClientInfo {
  ip: string;
  userAgent?: string | undefined;
}

/** A new session: the cookie value goes to the browser once and is never stored. */
export interface IssuedSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
  secondFactorPending: boolean;
}

const ANONYMOUS: SystemActor = { system: true, label: 'anonymous' };

/**
 * Sign-in and request authentication: passwords with per-address throttling and per-account
 * lockout, cookie sessions (stored hashed, with a CSRF token, idle and absolute expiry), the TOTP
 * second factor and API tokens.
 */
export class AuthService implements RequestAuthenticator {
  readonly totp: TotpSettings;
  readonly tokens: ApiTokens;
  private readonly db: Database;
  private readonly audit: AuditLog;
  private readonly config: Config;
  private readonly logger: Logger;
  private readonly keyring: Keyring;
  private readonly clock: () => Date;

  constructor(deps: AuthServiceDeps) {
    this.db = deps.db;
    this.audit = deps.audit;
    this.config = deps.config;
    this.logger = deps.logger;
    this.keyring = deps.keyring;
    this.clock = deps.clock ?? (() => new Date());
    this.totp = new TotpSettings(deps.db, deps.audit, deps.keyring, this.clock);
    this.tokens = new ApiTokens(deps.db, deps.audit, this.clock);
  }

  // ---- request authentication -------------------------------------------------------------

  async authenticate(req: FastifyRequest, reply: FastifyReply): Promise<RequestAuth | null> {
    const header = req.headers.authorization;
    if (typeof header === 'string' && /^bearer\s/i.test(header)) return this.authenticateToken(header.slice(7).trim(), req.ip);
    const cookieValue = req.cookies[SESSION_COOKIE];
    if (!cookieValue) return null;
    const auth = await this.authenticateSession(cookieValue, req.ip);
    if (!auth) this.clearCookie(reply);
    return auth;
  }

  private async authenticateSession(cookieValue: string, ip: string): Promise<RequestAuth | null> {
    const now = this.clock();
    const session = await findSession(this.db, sessionIdFor(cookieValue));
    if (!session) return null;
    const idleSince = new Date(session.lastSeenAt).getTime();
    if (new Date(session.expiresAt).getTime() <= now.getTime() || idleSince + LOGIN_POLICY.idleMs <= now.getTime() || session.disabled) {
      await deleteSession(this.db, session.id);
      return null;
    }
    if (now.getTime() - idleSince >= LOGIN_POLICY.touchEveryMs) await touchSession(this.db, session.id, now);
    return {
      actor: actorFor(session, 'session', { ip }),
      session: { id: session.id, csrfToken: session.csrfToken, secondFactorPending: session.secondFactorPending },
    };
  }

  private async authenticateToken(token: string, ip: string): Promise<RequestAuth> {
    const now = this.clock();
    const parsed = parseApiToken(token);
    const row = parsed ? await findApiTokenByHash(this.db, parsed.hash) : null;
    if (!parsed || !row || row.prefix !== parsed.prefix) throw new AppError('unauthenticated', 'the API token is not valid');
    if (row.revokedAt) throw new AppError('unauthenticated', 'the API token has been revoked');
    if (row.expiresAt && new Date(row.expiresAt).getTime() <= now.getTime()) throw new AppError('unauthenticated', 'the API token has expired');
    if (row.disabled) throw new AppError('account_disabled', 'the account of this API token is disabled');
    if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() >= LOGIN_POLICY.touchEveryMs) await touchApiToken(this.db, row.tokenId, now);
    return { actor: actorFor(row, 'token', { ip, scopes: row.scopes }) };
  }

  // ---- sign-in ----------------------------------------------------------------------------

  /**
   * Checks a username and password. Failures are counted per client address and per account
   * and written to the audit log before the error is thrown, so they survive the failed request.
   */
  async login(input: { username: string; password: string }, client: ClientInfo): Promise<IssuedSession> {
    const now = this.clock();
    await this.refuseThrottled(client.ip, now);
    const account = await findAccountByUsername(this.db, input.username);
    if (!account) {
      await verifyPassword(input.password, await decoyPasswordHash());
      await this.db.transaction(async (tx) => {
        await recordThrottleFailure(tx, ipThrottleKey(client.ip), LOGIN_POLICY.ip, now);
        await this.audit.record(tx, { actor: ANONYMOUS, action: 'auth.login_failed', details: { username: input.username, reason: 'unknown_user' }, ip: client.ip });
      });
      throw new AppError('invalid_credentials', 'wrong username or password');
    }
    if (account.lockedUntil && new Date(account.lockedUntil).getTime() > now.getTime()) {
      await this.db.transaction(async (tx) => {
        await recordThrottleFailure(tx, ipThrottleKey(client.ip), LOGIN_POLICY.ip, now);
        await this.audit.record(tx, { actor: ANONYMOUS, action: 'auth.login_failed', targetType: 'user', targetId: account.id, details: { username: account.username, reason: 'locked' }, ip: client.ip });
      });
      throw lockedError(account.lockedUntil, now);
    }
    if (!(await verifyPassword(input.password, account.passwordHash))) {
      if (await this.countFailure(account, client.ip, now, 'wrong_password')) throw lockedError(new Date(now.getTime() + LOGIN_POLICY.lockMs), now);
      throw new AppError('invalid_credentials', 'wrong username or password');
    }
    if (account.disabled) {
      await this.db.transaction(async (tx) => {
        await this.audit.record(tx, { actor: ANONYMOUS, action: 'auth.login_failed', targetType: 'user', targetId: account.id, details: { username: account.username, reason: 'disabled' }, ip: client.ip });
      });
      throw new AppError('account_disabled', 'this account is disabled; ask an administrator');
    }
    const pending = account.totpEnabled;
    return this.db.transaction(async (tx) => {
      await clearAccountFailures(tx, account.id);
      const issued = await this.issueSession(tx, account, client, now, pending);
      await this.audit.record(tx, { actor: issued.actor, action: 'auth.login', targetType: 'user', targetId: account.id, details: { secondFactorPending: pending }, ip: client.ip });
      return issued;
    });
  }

  /** Completes a sign-in that waits for its TOTP code, replacing the pending session with a full one. */
  async verifySecondFactor(auth: RequestAuth, code: string, client: ClientInfo): Promise<IssuedSession> {
    const now = this.clock();
    if (!auth.session?.secondFactorPending) throw new AppError('conflict', 'no sign-in is waiting for a second factor');
    const pendingId = auth.session.id;
    await this.refuseThrottled(client.ip, now);
    const account = await findAccountById(this.db, auth.actor.userId);
    if (!account || account.disabled) throw new AppError('account_disabled', 'this account is disabled; ask an administrator');
    if (account.lockedUntil && new Date(account.lockedUntil).getTime() > now.getTime()) {
      await deleteSession(this.db, pendingId);
      throw lockedError(account.lockedUntil, now);
    }
    const step = await verifyLoginCode(this.db, this.keyring, account, code, now);
    if (step === null) {
      const locked = await this.countFailure(account, client.ip, now, 'wrong_second_factor', pendingId);
      if (locked) throw lockedError(new Date(now.getTime() + LOGIN_POLICY.lockMs), now);
      throw new AppError('invalid_credentials', 'the code is not valid; wait for the next one and try again');
    }
    return this.db.transaction(async (tx) => {
      if (!(await claimTotpStep(tx, account.id, step))) throw new AppError('invalid_credentials', 'this code has already been used; wait for the next one');
      await clearAccountFailures(tx, account.id);
      await deleteSession(tx, pendingId);
      const issued = await this.issueSession(tx, account, client, now, false);
      await this.audit.record(tx, { actor: issued.actor, action: 'auth.second_factor_verified', targetType: 'user', targetId: account.id, ip: client.ip });
      return issued;
    });
  }

  async logout(auth: RequestAuth): Promise<void> {
    const session = auth.session;
    if (!session) return;
    await this.db.transaction(async (tx) => {
      await deleteSession(tx, session.id);
      await this.audit.record(tx, { actor: auth.actor, action: 'auth.logout', targetType: 'user', targetId: auth.actor.userId, ip: auth.actor.ip });
    });
  }

  // ---- the account's own settings ----------------------------------------------------------

  async me(auth: RequestAuth): Promise<Me> {
    return loadMe(this.db, auth.actor, auth.session?.csrfToken ?? '', auth.session?.secondFactorPending ?? false);
  }

  /** The user of a session just issued by `login` or `verifySecondFactor`. */
  async meOf(issued: IssuedSession): Promise<Me> {
    return loadMe(this.db, issued.actor, issued.csrfToken, issued.secondFactorPending);
  }

  async updateProfile(auth: RequestAuth, patch: { locale?: 'en' | 'hi'; displayName?: string }): Promise<Me> {
    const displayName = patch.displayName?.trim();
    if (displayName !== undefined && displayName.length === 0) throw new AppError('validation_failed', 'the display name must not be empty', { field: 'displayName' });
    const clean = { ...(patch.locale ? { locale: patch.locale } : {}), ...(displayName !== undefined ? { displayName } : {}) };
    await this.db.transaction(async (tx) => {
      const before = await findAccountById(tx, auth.actor.userId);
      await updateProfile(tx, auth.actor.userId, clean, this.clock());
      await this.audit.record(tx, {
        actor: auth.actor,
        action: 'auth.profile_updated',
        targetType: 'user',
        targetId: auth.actor.userId,
        details: { before: { locale: before?.locale, displayName: before?.displayName }, after: clean },
        ip: auth.actor.ip,
      });
    });
    return this.me({ ...auth, actor: { ...auth.actor, displayName: clean.displayName ?? auth.actor.displayName } });
  }

  /** Changes the password and ends every other session of the account. */
  async changePassword(auth: RequestAuth, currentPassword: string, newPassword: string): Promise<void> {
    const session = requireSession(auth, 'change the password');
    const account = await findAccountById(this.db, auth.actor.userId);
    if (!account) throw new AppError('unauthenticated', 'this account no longer exists');
    if (!(await verifyPassword(currentPassword, account.passwordHash))) {
      throw new AppError('validation_failed', 'the current password is wrong', { field: 'currentPassword' });
    }
    assertPasswordPolicy(newPassword, account.username, 'newPassword');
    if (newPassword === currentPassword) throw new AppError('validation_failed', 'the new password must differ from the current one', { field: 'newPassword' });
    const hash = await hashPassword(newPassword);
    await this.db.transaction(async (tx) => {
      await updatePasswordHash(tx, account.id, hash, false, this.clock());
      const ended = await deleteUserSessions(tx, account.id, session.id);
      await this.audit.record(tx, { actor: auth.actor, action: 'auth.password_changed', targetType: 'user', targetId: account.id, details: { otherSessionsEnded: ended }, ip: auth.actor.ip });
    });
  }

  // ---- cookies and housekeeping ------------------------------------------------------------

  setCookie(reply: FastifyReply, issued: IssuedSession): void {
    void reply.setCookie(SESSION_COOKIE, issued.cookieValue, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: this.config.publicUrl.startsWith('https://'),
      expires: issued.expiresAt,
    });
  }

  clearCookie(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: this.config.publicUrl.startsWith('https://') });
  }

  /** Deletes expired or idle sessions and closed throttle windows (the hourly job). */
  async purgeExpired(): Promise<{ sessions: number; throttle: number }> {
    const now = this.clock();
    const sessions = await purgeSessions(this.db, now, LOGIN_POLICY.idleMs);
    const throttle = await purgeThrottle(this.db, LOGIN_POLICY.ip, now);
    if (sessions || throttle) this.logger.debug({ sessions, throttle }, 'expired sessions purged');
    return { sessions, throttle };
  }

  // ---- internals ---------------------------------------------------------------------------

  private async refuseThrottled(ip: string, now: Date): Promise<void> {
    const retryAfter = await throttleRetryAfter(this.db, ipThrottleKey(ip), LOGIN_POLICY.ip, now);
    if (retryAfter > 0) {
      throw new AppError('too_many_requests', `too many failed sign-ins from this address; try again in ${Math.ceil(retryAfter / 60)} min`, { retryAfterSeconds: retryAfter }, { 'retry-after': String(retryAfter) });
    }
  }

  /** Counts a failed password or code against the address and the account; true when it locked the account. */
  private async countFailure(account: AccountRow, ip: string, now: Date, reason: string, pendingSessionId?: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await recordThrottleFailure(tx, ipThrottleKey(ip), LOGIN_POLICY.ip, now);
      const result = await recordAccountFailure(tx, account.id, LOGIN_POLICY.accountFailureLimit, new Date(now.getTime() + LOGIN_POLICY.lockMs));
      await this.audit.record(tx, { actor: ANONYMOUS, action: 'auth.login_failed', targetType: 'user', targetId: account.id, details: { username: account.username, reason, failures: result.failures }, ip });
      if (result.locked) {
        if (pendingSessionId) await deleteSession(tx, pendingSessionId);
        await this.audit.record(tx, {
          actor: ANONYMOUS,
          action: 'auth.account_locked',
          targetType: 'user',
          targetId: account.id,
          details: { username: account.username, failures: LOGIN_POLICY.accountFailureLimit, minutes: LOGIN_POLICY.lockMs / 60_000 },
          ip,
        });
      }
      return result.locked;
    });
  }

  private async issueSession(tx: Queryable, account: AccountRow, client: ClientInfo, now: Date, pending: boolean): Promise<IssuedSession> {
    const { cookieValue, id } = newSessionSecret();
    const csrfToken = newCsrfToken();
    const expiresAt = new Date(now.getTime() + (pending ? LOGIN_POLICY.pendingSecondFactorMs : this.config.sessionHours * 3_600_000));
    await insertSession(tx, { id, userId: account.id, csrfToken, secondFactorPending: pending, ip: client.ip, userAgent: client.userAgent?.slice(0, 400) ?? null, now, expiresAt });
    const actor = actorFor({ ...account, userId: account.id }, 'session', { ip: client.ip });
    return { cookieValue, csrfToken, expiresAt, actor, secondFactorPending: pending };
  }
}

function lockedError(lockedUntil: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 1000));
  return new AppError(
    'account_locked',
    `this account is locked after too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} min or ask an administrator to unlock it`,
    { retryAfterSeconds: seconds },
    { 'retry-after': String(seconds) },
  );
}
