import type { Database, Queryable } from '../db/database.js';
import type { Keyring } from '../secrets/keyring.js';
import type { AuditLog } from '../audit/audit-log.js';
import { AppError } from '../http/errors.js';
import type { RequestAuth } from '../http/request-auth.js';
import { disableTotp, enableTotp, findAccountById, lastTotpStep, storePendingTotpSecret, type AccountRow } from './account-repository.js';
import { verifyPassword } from './password.js';
import { requireSession } from './session-only.js';
import { generateTotpSecret, matchTotp, otpauthUrl } from './totp.js';

/**
 * The step of a valid, unused code for a sign-in, or null. The caller claims the step in its
 * transaction (`claimTotpStep`), which is what finally refuses a replay.
 */
export async function verifyLoginCode(q: Queryable, keyring: Keyring, account: AccountRow, code: string, now: Date): Promise<number | null> {
  if (!account.totpEnabled || !account.totpSecretEnc) return null;
  const secret = keyring.decrypt(account.totpSecretEnc);
  return matchTotp(secret, code, now.getTime(), await lastTotpStep(q, account.id));
}

/** Turning the TOTP second factor on (setup, then confirm a code) and off (with the password). */
export class TotpSettings {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly keyring: Keyring,
    private readonly clock: () => Date,
  ) {}

  /** A new secret, stored encrypted and not yet active; shown once to be scanned. */
  async setup(auth: RequestAuth): Promise<{ secret: string; otpauthUrl: string }> {
    requireSession(auth, 'set up two-factor sign-in');
    const account = await this.account(auth);
    if (account.totpEnabled) throw new AppError('conflict', 'two-factor sign-in is already on; turn it off first to set up a new device');
    const secret = generateTotpSecret();
    await this.db.transaction(async (tx) => {
      await storePendingTotpSecret(tx, account.id, this.keyring.encrypt(secret), this.clock());
      await this.audit.record(tx, { actor: auth.actor, action: 'auth.totp_setup_started', targetType: 'user', targetId: account.id, ip: auth.actor.ip });
    });
    return { secret, otpauthUrl: otpauthUrl(secret, account.username) };
  }

  /** Turns the second factor on once a code from the new device proves it was set up. */
  async enable(auth: RequestAuth, code: string): Promise<void> {
    requireSession(auth, 'turn on two-factor sign-in');
    const account = await this.account(auth);
    if (account.totpEnabled) throw new AppError('conflict', 'two-factor sign-in is already on');
    if (!account.totpSecretEnc) throw new AppError('conflict', 'start the setup first');
    const now = this.clock();
    const step = matchTotp(this.keyring.decrypt(account.totpSecretEnc), code, now.getTime());
    if (step === null) throw new AppError('validation_failed', 'the code does not match; check the device clock and try the next code', { field: 'code' });
    await this.db.transaction(async (tx) => {
      if (!(await enableTotp(tx, account.id, step, now))) throw new AppError('conflict', 'two-factor sign-in is already on');
      await this.audit.record(tx, { actor: auth.actor, action: 'auth.totp_enabled', targetType: 'user', targetId: account.id, ip: auth.actor.ip });
    });
  }

  async disable(auth: RequestAuth, password: string): Promise<void> {
    requireSession(auth, 'turn off two-factor sign-in');
    const account = await this.account(auth);
    if (!(await verifyPassword(password, account.passwordHash))) throw new AppError('validation_failed', 'the password is wrong', { field: 'password' });
    if (!account.totpEnabled && !account.totpSecretEnc) return;
    await this.db.transaction(async (tx) => {
      await disableTotp(tx, account.id, this.clock());
      await this.audit.record(tx, { actor: auth.actor, action: 'auth.totp_disabled', targetType: 'user', targetId: account.id, details: { wasEnabled: account.totpEnabled }, ip: auth.actor.ip });
    });
  }

  private async account(auth: RequestAuth): Promise<AccountRow> {
    const account = await findAccountById(this.db, auth.actor.userId);
    if (!account) throw new AppError('unauthenticated', 'this account no longer exists');
    return account;
  }
}
