import type { Actor, SystemActor } from '../auth/actor.js';
import type { Database, Queryable } from '../db/database.js';
import { findEntries, insertEntries, insertEntry, lastLink, lockChain, type StoredEntry } from './audit-repository.js';
import { GENESIS_HASH, entryHash, formatAt, storableDetails, storableText, type HashedFields } from './hash.js';
import { verifyChain, type VerifyResult } from './verify.js';

export interface AuditEntry {
  actor: Actor | SystemActor;
  /** What happened, as `<thing>.<verb>` (`unit.created`, `user.password_reset`). */
  action: string;
  targetType?: string;
  targetId?: string;
  /** The unit the entry concerns, so scoped readers can be limited to their units. */
  unitId?: string | null;
  details?: Record<string, unknown>;
  /** The client address; taken from the actor when not given. */
  ip?: string;
}

/** One entry as the API and CLI show it. */
export interface AuditEntryView {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  unitId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  unitId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset cursor: the `nextBefore` of the previous page. */
  before?: number | undefined;
  /** Page size, 1 to 500 (default 50). */
  limit?: number | undefined;
  /** Whose entries: null for the whole force, or only these units' entries (`unitFilter`). */
  scope: readonly string[] | null;
}

export const MAX_PAGE = 500;

function isSystem(actor: Actor | SystemActor): actor is SystemActor {
  return 'system' in actor && actor.system;
}

/**
 * The append-only, hash-chained audit log. Each entry's hash covers its content and the previous
 * entry's hash; `verify` walks the chain. Entries are written inside the caller's transaction, so
 * a state change and its audit row commit or roll back together.
 */
export class AuditLog {
  constructor(private readonly db: Database) {}

  /**
   * Appends one entry. Pass the transaction of the change being audited. The entry takes a lock
   * that every audited transaction shares until it commits, so record it as the last step: rows
   * locked after it could deadlock with another writer waiting for the log.
   */
  async record(q: Queryable, entry: AuditEntry): Promise<void> {
    // Called with the database itself: the lock and the insert still need one transaction.
    if (isDatabase(q)) {
      await q.transaction((tx) => this.append(tx, entry));
      return;
    }
    await this.append(q, entry);
  }

  /**
   * Appends several entries in order under one take of the lock: one chain read and one insert for
   * the lot (a batch of publications finished together). Same rules as `record`.
   */
  async recordMany(q: Queryable, entries: readonly AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    if (isDatabase(q)) {
      await q.transaction((tx) => this.appendMany(tx, entries));
      return;
    }
    await this.appendMany(q, entries);
  }

  private async append(q: Queryable, entry: AuditEntry): Promise<void> {
    await lockChain(q);
    const last = await lastLink(q);
    const fields = linkFields(entry, (last?.id ?? 0) + 1, last?.hash ?? GENESIS_HASH);
    await insertEntry(q, { ...fields, hash: entryHash(fields) });
  }

  private async appendMany(q: Queryable, entries: readonly AuditEntry[]): Promise<void> {
    await lockChain(q);
    const last = await lastLink(q);
    let id = last?.id ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows: (HashedFields & { hash: string })[] = [];
    for (const entry of entries) {
      const fields = linkFields(entry, ++id, prevHash);
      prevHash = entryHash(fields);
      rows.push({ ...fields, hash: prevHash });
    }
    await insertEntries(q, rows);
  }

  verify(): Promise<VerifyResult> {
    return verifyChain(this.db);
  }

  /** Entries newest first. `nextBefore` is the cursor of the next page, null on the last. */
  async list(filter: AuditFilter): Promise<{ entries: AuditEntryView[]; nextBefore: number | null }> {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), MAX_PAGE);
    const rows = await findEntries(this.db, {
      action: filter.action,
      actorId: filter.actorId,
      targetType: filter.targetType,
      targetId: filter.targetId,
      unitId: filter.unitId,
      from: filter.from,
      to: filter.to,
      before: filter.before,
      limit: limit + 1,
      units: filter.scope,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { entries: page.map(toView), nextBefore: rows.length > limit && last ? last.id : null };
  }
}

/** The hashed fields of the entry that takes link `id` after `prevHash`; called after the lock is taken. */
function linkFields(entry: AuditEntry, id: number, prevHash: string): HashedFields {
  const actor = entry.actor;
  const ip = entry.ip ?? (isSystem(actor) ? undefined : actor.ip);
  return {
    id,
    // Taken after the lock, so times follow the ids within one machine.
    at: formatAt(new Date()),
    actorId: isSystem(actor) ? null : actor.userId,
    actorLabel: storableText(isSystem(actor) ? actor.label : actor.username),
    action: storableText(entry.action),
    targetType: entry.targetType === undefined ? null : storableText(entry.targetType),
    targetId: entry.targetId === undefined ? null : storableText(entry.targetId),
    unitId: entry.unitId ?? null,
    ip: ip === undefined ? null : storableText(ip),
    details: storableDetails(entry.details),
    prevHash,
  };
}

function isDatabase(q: Queryable): q is Database {
  return typeof (q as Partial<Database>).transaction === 'function';
}

function toView(e: StoredEntry): AuditEntryView {
  return {
    id: e.id,
    at: new Date(e.at).toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    unitId: e.unitId,
    ip: e.ip,
    details: e.details,
  };
}
