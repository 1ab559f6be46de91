import { randomBytes } from 'node:crypto';
import type { Actor, SystemActor } from '../../auth/actor.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Database, Queryable } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { Keyring } from '../../secrets/keyring.js';
import { POLLERS } from './runner.js';
import { checkPollSeconds, checkSourceUnits, checkSourceUrl, mayManageSource } from './source-rules.js';
import { existingUnits, findSource, findSourceByName, findSources, insertSource, listSourceHealth, setEnabled, updateSource, type SourceHealthView, type SourceRow } from './source-repository.js';

export const PUSHED_KINDS = ['webhook', 'import'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a webhook source receives its mentions, under the API base (/api/v1). */
export function webhookPath(sourceId: string): string {
  return `/monitoring/webhooks/${sourceId}`;
}

/** What a change to a source may touch; absent fields stay as they are. */
export interface SourcePatch {
  name?: string;
  pollSeconds?: number;
  /** The feed address (rss) or the Sandbox API base (sandbox; null: this server's). */
  url?: string | null;
  enabled?: boolean;
}

/** What the sources page shows beside a source's health: its address and what the caller may do. */
export interface SourceDetail {
  url: string | null;
  /** Path of a webhook source's endpoint under the API (the secret is never shown again). */
  webhookPath: string | null;
  abilities: { manage: boolean };
}

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
    const pollSeconds = pulled ? checkPollSeconds(input.pollSeconds ?? 60) : null;
    const config = { ...(input.config ?? {}) };
    if (input.kind === 'rss') config.url = checkSourceUrl(typeof config.url === 'string' ? config.url : '');
    else if (input.kind === 'sandbox' && config.url !== undefined) config.url = checkSourceUrl(typeof config.url === 'string' ? config.url : '');
    const unitIds = [...new Set(input.unitIds ?? [])].sort();
    checkSourceUnits(actor, unitIds);
    const secret = input.kind === 'webhook' ? `whsec_${randomBytes(32).toString('base64url')}` : null;
    return this.db.transaction(async (tx) => {
      await this.checkUnitsExist(tx, unitIds);
      if (await findSourceByName(tx, input.kind, input.name.trim())) throw new AppError('conflict', `a ${input.kind} source named ${input.name} exists`, { field: 'name' });
      const source = await insertSource(tx, {
        kind: input.kind,
        name: input.name.trim(),
        unitIds,
        config,
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
    await this.update(actor, id, { enabled });
  }

  /**
   * Changes a source's name, poll interval (pulled kinds), address (rss, sandbox) or whether it
   * runs. Audited with the values before and after; switching on or off is its own audit action.
   * A source outside the caller's units answers not_found, as if it did not exist.
   */
  async update(actor: Actor | SystemActor, id: string, patch: SourcePatch): Promise<SourceRow> {
    return this.db.transaction(async (tx) => {
      const source = UUID.test(id) ? await findSource(tx, id) : null;
      if (!source || !mayManageSource(actor, source)) throw new AppError('not_found', 'source not found');
      const pulled = POLLERS.has(source.kind);
      let name = source.name;
      if (patch.name !== undefined) {
        name = patch.name.trim();
        if (!name) throw new AppError('validation_failed', 'name: a source needs a name', { field: 'name' });
        const other = await findSourceByName(tx, source.kind, name);
        if (other && other.id !== source.id) throw new AppError('conflict', `a ${source.kind} source named ${name} exists`, { field: 'name' });
      }
      let pollSeconds = source.pollSeconds;
      if (patch.pollSeconds !== undefined) {
        if (!pulled) throw new AppError('validation_failed', `pollSeconds: a ${source.kind} source is not polled`, { field: 'pollSeconds' });
        pollSeconds = checkPollSeconds(patch.pollSeconds);
      }
      const config = { ...source.config };
      if (patch.url !== undefined) {
        if (source.kind === 'rss') config.url = checkSourceUrl(patch.url ?? '');
        else if (source.kind === 'sandbox') {
          if (patch.url === null || patch.url.trim() === '') delete config.url;
          else config.url = checkSourceUrl(patch.url);
        } else throw new AppError('validation_failed', `url: a ${source.kind} source has no address`, { field: 'url' });
      }
      const before = { name: source.name, pollSeconds: source.pollSeconds, url: source.config.url ?? null };
      const after = { name, pollSeconds, url: config.url ?? null };
      const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]);
      let row = source;
      if (changed.length) {
        row = (await updateSource(tx, id, { name, pollSeconds, config }))!;
        await this.audit.record(tx, {
          actor,
          action: 'source.updated',
          targetType: 'source',
          targetId: id,
          unitId: source.unitIds.length === 1 ? source.unitIds[0]! : null,
          details: { kind: source.kind, changed, before, after },
        });
      }
      if (patch.enabled !== undefined && patch.enabled !== source.enabled) {
        await setEnabled(tx, id, patch.enabled);
        row = { ...row, enabled: patch.enabled };
        await this.audit.record(tx, {
          actor,
          action: patch.enabled ? 'source.enabled' : 'source.disabled',
          targetType: 'source',
          targetId: id,
          unitId: source.unitIds.length === 1 ? source.unitIds[0]! : null,
          details: { kind: source.kind, name },
        });
      }
      return row;
    });
  }

  /** The address, webhook path and abilities of these sources, for the sources page. */
  async details(actor: Actor | SystemActor, ids: readonly string[]): Promise<Map<string, SourceDetail>> {
    const rows = await findSources(this.db, ids.filter((i) => UUID.test(i)));
    return new Map(
      rows.map((s) => [
        s.id,
        {
          url: typeof s.config.url === 'string' ? s.config.url : null,
          webhookPath: s.kind === 'webhook' ? webhookPath(s.id) : null,
          abilities: { manage: s.kind !== 'import' && mayManageSource(actor, s) },
        },
      ]),
    );
  }

  private async checkUnitsExist(tx: Queryable, unitIds: readonly string[]): Promise<void> {
    if (unitIds.length === 0) return;
    const found = new Set(await existingUnits(tx, unitIds));
    const missing = unitIds.filter((u) => !found.has(u));
    if (missing.length) throw new AppError('validation_failed', `unitIds: unit ${missing.join(', ')} not found`, { field: 'unitIds' });
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
