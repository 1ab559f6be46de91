import type { Database } from '../db/database.js';
import type { AuditLog } from '../audit/audit-log.js';
import { AppError, notFound } from '../http/errors.js';
import type { RequestAuth } from '../http/request-auth.js';
import { isPermission, roleHas, type Permission } from './permissions.js';
import { requireSession } from './session-only.js';
import { findApiToken, insertApiToken, listApiTokens, newApiTokenSecret, revokeApiToken, type ApiTokenRow } from './token-store.js';

export const TOKEN_MAX_DAYS = 3650;

/** A user's own API tokens for scripts: scoped to named permissions, optionally expiring, revocable. */
export class ApiTokens {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: () => Date,
  ) {}

  async list(auth: RequestAuth): Promise<ApiTokenRow[]> {
    return listApiTokens(this.db, auth.actor.userId);
  }

  /** Returns the token text once; only its hash is kept. Scopes must be permissions the user's role holds. */
  async create(auth: RequestAuth, input: { name: string; scopes: readonly string[]; expiresInDays?: number | undefined }): Promise<{ token: string; apiToken: ApiTokenRow }> {
    requireSession(auth, 'create API tokens');
    const name = input.name.trim();
    if (!name) throw new AppError('validation_failed', 'give the token a name', { field: 'name' });
    const scopes = [...new Set(input.scopes)];
    if (scopes.length === 0) throw new AppError('validation_failed', 'a token needs at least one scope', { field: 'scopes' });
    const unknown = scopes.filter((s) => !isPermission(s));
    if (unknown.length) throw new AppError('validation_failed', `unknown scope ${unknown.join(', ')}`, { field: 'scopes', unknown });
    const beyondRole = (scopes as Permission[]).filter((s) => !roleHas(auth.actor.role, s));
    if (beyondRole.length) throw new AppError('validation_failed', `your role does not hold ${beyondRole.join(', ')}`, { field: 'scopes', beyondRole });
    if (input.expiresInDays !== undefined && (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > TOKEN_MAX_DAYS)) {
      throw new AppError('validation_failed', `expiresInDays must be a whole number from 1 to ${TOKEN_MAX_DAYS}`, { field: 'expiresInDays' });
    }
    const now = this.clock();
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
    const secret = newApiTokenSecret();
    const apiToken = await this.db.transaction(async (tx) => {
      const row = await insertApiToken(tx, { userId: auth.actor.userId, name, prefix: secret.prefix, hash: secret.hash, scopes, now, expiresAt });
      await this.audit.record(tx, {
        actor: auth.actor,
        action: 'auth.token_created',
        targetType: 'api_token',
        targetId: row.id,
        details: { name, prefix: row.prefix, scopes, expiresAt: expiresAt?.toISOString() ?? null },
        ip: auth.actor.ip,
      });
      return row;
    });
    return { token: secret.token, apiToken };
  }

  /** Revokes one of the caller's tokens; revoking it again changes nothing. */
  async revoke(auth: RequestAuth, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await findApiToken(tx, auth.actor.userId, id);
      if (!row) throw notFound('API token');
      if (!(await revokeApiToken(tx, auth.actor.userId, id, this.clock()))) return;
      await this.audit.record(tx, { actor: auth.actor, action: 'auth.token_revoked', targetType: 'api_token', targetId: id, details: { name: row.name, prefix: row.prefix }, ip: auth.actor.ip });
    });
  }
}
