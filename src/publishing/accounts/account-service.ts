import { can, inScope, unitFilter, type Actor, type SystemActor } from '../../auth/actor.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Database, Queryable } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { AccountCredentials, Platform } from '../../platforms/types.js';
import { canPublishTo } from '../../platforms/registry.js';
import type { SandboxNetwork } from '../../platforms/sandbox/network/sandbox-network.js';
import type { Keyring } from '../../secrets/keyring.js';
import * as repo from './account-repository.js';
import { checkChain, cleanDisplayName, cleanHandle, DEFAULT_CHAIN } from './account-rules.js';
import type { AccountAbilities, AccountPatch, NewAccount, SocialAccount } from './account-types.js';

export interface AccountServiceDeps {
  db: Database;
  audit: AuditLog;
  keyring: Keyring;
  sandbox: SandboxNetwork;
}

function present(row: repo.AccountRow): SocialAccount {
  return { ...row, publishable: canPublishTo(row.platform) };
}

/**
 * Social accounts: each belongs to one unit and one platform and carries the ordered chain of
 * roles that approve its posts. Credentials are encrypted with the keyring and never leave this
 * service except decrypted for a connector (`credentialsFor`). Reads are scoped to the actor's
 * units in SQL; an account outside the scope is "not found".
 */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  abilities(actor: Actor, account: SocialAccount): AccountAbilities {
    return {
      edit: can(actor, 'accounts.manage') && inScope(actor, account.unitId),
      compose: can(actor, 'posts.write') && inScope(actor, account.unitId) && account.active,
    };
  }

  async list(actor: Actor, f: { unitId?: string | undefined; platform?: Platform | undefined; active?: boolean | undefined } = {}): Promise<SocialAccount[]> {
    return (await repo.listAccounts(this.deps.db, { units: unitFilter(actor), ...f })).map(present);
  }

  async get(actor: Actor, id: string): Promise<SocialAccount> {
    const row = await repo.findAccount(this.deps.db, id, unitFilter(actor));
    if (!row) throw notFound('account');
    return present(row);
  }

  async create(actor: Actor | SystemActor, input: NewAccount): Promise<SocialAccount> {
    if (!('system' in actor)) {
      if (!can(actor, 'accounts.manage')) throw forbidden('your role may not manage social accounts');
      if (!inScope(actor, input.unitId)) throw forbidden(`unit ${input.unitId} is outside your scope`);
    }
    const handle = cleanHandle(input.handle);
    const displayName = cleanDisplayName(input.displayName);
    const approvalChain = checkChain(input.approvalChain ?? DEFAULT_CHAIN);
    return this.deps.db.transaction(async (tx) => {
      const unit = await tx.query<{ active: boolean }>('SELECT active FROM units WHERE id = $1', [input.unitId]);
      if (!unit[0]) throw new AppError('validation_failed', `unitId: unit ${input.unitId} not found`, { field: 'unitId' });
      if (await repo.accountHandleTaken(tx, input.platform, handle)) throw new AppError('conflict', `the ${input.platform} account ${handle} is already connected`, { field: 'handle' });
      let credentials: AccountCredentials | null = null;
      let openedSandbox = false;
      if (input.credentials) {
        credentials = { handle, token: input.credentials.token, ...(input.credentials.extra ? { extra: input.credentials.extra } : {}) };
      } else if (input.platform === 'sandbox') {
        // A new Sandbox account is opened on the simulated network; its token is stored encrypted.
        const opened = await this.deps.sandbox.registerAccount(tx, handle, displayName);
        credentials = { handle, token: opened.token };
        openedSandbox = true;
      }
      const id = await repo.insertAccount(tx, {
        unitId: input.unitId,
        platform: input.platform,
        handle,
        displayName,
        approvalChain,
        credentialsEnc: credentials ? this.deps.keyring.encrypt(JSON.stringify(credentials)) : null,
      });
      await this.deps.audit.record(tx, {
        actor,
        action: 'social_account.created',
        targetType: 'social_account',
        targetId: id,
        unitId: input.unitId,
        details: { platform: input.platform, handle, displayName, approvalChain, credentials: credentials !== null, openedSandbox },
      });
      return present((await repo.findAccount(tx, id, null))!);
    });
  }

  async update(actor: Actor, id: string, patch: AccountPatch): Promise<SocialAccount> {
    if (!can(actor, 'accounts.manage')) throw forbidden('your role may not manage social accounts');
    return this.deps.db.transaction(async (tx) => {
      const before = await repo.findAccount(tx, id, unitFilter(actor), true);
      if (!before) throw notFound('account');
      const next = {
        displayName: patch.displayName === undefined ? before.displayName : cleanDisplayName(patch.displayName),
        approvalChain: patch.approvalChain === undefined ? before.approvalChain : checkChain(patch.approvalChain),
        active: patch.active ?? before.active,
        credentialsEnc: patch.credentials
          ? this.deps.keyring.encrypt(JSON.stringify({ handle: before.handle, token: patch.credentials.token, ...(patch.credentials.extra ? { extra: patch.credentials.extra } : {}) }))
          : undefined,
      };
      const changed: Record<string, { before: unknown; after: unknown }> = {};
      if (next.displayName !== before.displayName) changed.displayName = { before: before.displayName, after: next.displayName };
      if (next.approvalChain.join(',') !== before.approvalChain.join(',')) changed.approvalChain = { before: before.approvalChain, after: next.approvalChain };
      if (next.active !== before.active) changed.active = { before: before.active, after: next.active };
      if (next.credentialsEnc !== undefined) changed.credentials = { before: before.hasCredentials ? 'set' : 'none', after: 'replaced' };
      if (Object.keys(changed).length === 0) return present(before);
      await repo.updateAccount(tx, id, next);
      await this.deps.audit.record(tx, { actor, action: 'social_account.updated', targetType: 'social_account', targetId: id, unitId: before.unitId, details: changed });
      return present((await repo.findAccount(tx, id, null))!);
    });
  }

  /** The decrypted credentials of an account, for a connector call; null when none are stored. */
  async credentialsFor(q: Queryable, accountId: string): Promise<AccountCredentials | null> {
    const enc = await repo.findCredentialsEnc(q, accountId);
    return enc ? (JSON.parse(this.deps.keyring.decrypt(enc)) as AccountCredentials) : null;
  }
}
