import { randomBytes } from 'node:crypto';
import type { Actor, SystemActor } from '../../auth/actor.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { Keyring } from '../../secrets/keyring.js';
import { POLLERS } from './runner.js';
import { findSource, findSourceByName, insertSource, listSourceHealth, setEnabled, type SourceHealthView, type SourceRow } from './source-repository.js';

export const PUSHED_KINDS = ['webhook', 'import'] as const;

export interface NewSource {
  kind: string;
  name: string;
  unitIds?: string[];
  config?: Record<string, unknown>;
  pollSeconds?: number | null;
}

/** Sources of mentions: created and switched by admins (audited); read by the monitoring UI. */
export class SourceService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly keyring: Keyring,
  ) {}

  /**
   * Creates a source. A webhook source gets a signing secret, returned once here and stored
   * encrypted; senders sign each request with it.
   */
  async create(actor: Actor | SystemActor, input: NewSource): Promise<{ source: SourceRow; secret: string | null }> {
    const pulled = POLLERS.has(input.kind);
    if (!pulled && !(PUSHED_KINDS as readonly string[]).includes(input.kind)) throw new AppError('validation_failed', `unknown source kind ${input.kind}`, { field: 'kind' });
    if (!input.name.trim()) throw new AppError('validation_failed', 'a source needs a name', { field: 'name' });
    const pollSeconds = pulled ? (input.pollSeconds ?? 60) : null;
    if (pollSeconds !== null && (!Number.isInteger(pollSeconds) || pollSeconds < 1)) throw new AppError('validation_failed', 'pollSeconds must be a whole number of seconds', { field: 'pollSeconds' });
    const secret = input.kind === 'webhook' ? `whsec_${randomBytes(32).toString('base64url')}` : null;
    return this.db.transaction(async (tx) => {
      if (await findSourceByName(tx, input.kind, input.name)) throw new AppError('conflict', `a ${input.kind} source named ${input.name} exists`, { field: 'name' });
      const source = await insertSource(tx, {
        kind: input.kind,
        name: input.name.trim(),
        unitIds: [...new Set(input.unitIds ?? [])].sort(),
        config: input.config ?? {},
        secretEnc: secret ? this.keyring.encrypt(secret) : null,
        pollSeconds,
        createdBy: 'userId' in actor ? actor.userId : null,
      });
      await this.audit.record(tx, {
        actor,
        action: 'source.created',
        targetType: 'source',
        targetId: source.id,
        unitId: source.unitIds.length === 1 ? source.unitIds[0]! : null,
        details: { kind: source.kind, name: source.name, unitIds: source.unitIds, pollSeconds, config: source.config },
      });
      return { source, secret };
    });
  }

  /** The source with this kind and name, created if absent (demo setup, file imports). */
  async ensure(actor: Actor | SystemActor, input: NewSource): Promise<SourceRow> {
    const existing = await findSourceByName(this.db, input.kind, input.name);
    if (existing) return existing;
    try {
      return (await this.create(actor, input)).source;
    } catch (err) {
      const again = await findSourceByName(this.db, input.kind, input.name);
      if (again) return again;
      throw err;
    }
  }

  async setEnabled(actor: Actor | SystemActor, id: string, enabled: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      const source = await findSource(tx, id);
      if (!source) throw new AppError('not_found', 'source not found');
      await setEnabled(tx, id, enabled);
      await this.audit.record(tx, { actor, action: enabled ? 'source.enabled' : 'source.disabled', targetType: 'source', targetId: id, details: { kind: source.kind, name: source.name } });
    });
  }

  get(id: string): Promise<SourceRow | null> {
    return findSource(this.db, id);
  }

  /** The webhook signing secret of a source (decrypted), or null. */
  secretOf(source: SourceRow): string | null {
    return source.secretEnc ? this.keyring.decrypt(source.secretEnc) : null;
  }

  /** Sources with their health; `units` from `unitFilter(actor)` (null: every source). */
  health(units: readonly string[] | null): Promise<SourceHealthView[]> {
    return listSourceHealth(this.db, units);
  }
}
