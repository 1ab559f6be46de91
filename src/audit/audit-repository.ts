import type { Queryable } from '../db/database.js';
import { AT_TEXT_SQL, type HashedFields } from './hash.js';

/**
 * SQL of the audit log. Only appends and reads: the table refuses UPDATE and DELETE (0001_core).
 */

// Two-key advisory lock ("CHAV", 1): every process that appends takes it for the rest of its
// transaction, so ids and links are handed out one writer at a time.
const LOCK_CLASS = 0x43484156;
const LOCK_AUDIT_CHAIN = 1;

export async function lockChain(q: Queryable): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [LOCK_CLASS, LOCK_AUDIT_CHAIN]);
}

/**
 * The last link. Must run as its own statement after `lockChain`: under READ COMMITTED each
 * statement takes a fresh snapshot, so it sees the row of the writer that held the lock before us.
 */
export async function lastLink(q: Queryable): Promise<{ id: number; hash: string } | null> {
  const rows = await q.query<{ id: number | string | bigint; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const row = rows[0];
  return row ? { id: Number(row.id), hash: row.hash } : null;
}

export async function insertEntry(q: Queryable, row: HashedFields & { hash: string }): Promise<void> {
  await q.execute(
    `INSERT INTO audit_log (id, at, actor_id, actor_label, action, target_type, target_id, unit_id, ip, details, prev_hash, hash)
     VALUES ($1, $2::timestamptz, $3::uuid, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
    [row.id, row.at, row.actorId, row.actorLabel, row.action, row.targetType, row.targetId, row.unitId, row.ip, JSON.stringify(row.details), row.prevHash, row.hash],
  );
}

/** Several rows in one statement, in the order given (the caller has linked them). */
export async function insertEntries(q: Queryable, rows: readonly (HashedFields & { hash: string })[]): Promise<void> {
  if (!rows.length) return;
  // One JSON parameter rather than typed arrays: both drivers pass it the same way.
  const json = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor_id: r.actorId,
      actor_label: r.actorLabel,
      action: r.action,
      target_type: r.targetType,
      target_id: r.targetId,
      unit_id: r.unitId,
      ip: r.ip,
      details: r.details,
      prev_hash: r.prevHash,
      hash: r.hash,
    })),
  );
  await q.execute(
    `INSERT INTO audit_log (id, at, actor_id, actor_label, action, target_type, target_id, unit_id, ip, details, prev_hash, hash)
     SELECT r.id, r.at::timestamptz, r.actor_id::uuid, r.actor_label, r.action, r.target_type, r.target_id, r.unit_id, r.ip, r.details, r.prev_hash, r.hash
     FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, at text, actor_id text, actor_label text, action text, target_type text, target_id text, unit_id text,
       ip text, details jsonb, prev_hash text, hash text)
     ORDER BY r.id`,
    [json],
  );
}

interface StoredRow {
  id: number | string | bigint;
  at_text: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  unit_id: string | null;
  ip: string | null;
  details: Record<string, unknown> | string;
  prev_hash: string;
  hash: string;
}

export type StoredEntry = HashedFields & { hash: string };

const COLUMNS = `id, ${AT_TEXT_SQL} AS at_text, actor_id, actor_label, action, target_type, target_id, unit_id, ip, details, prev_hash, hash`;

function toEntry(r: StoredRow): StoredEntry {
  return {
    id: Number(r.id),
    at: r.at_text,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    unitId: r.unit_id,
    ip: r.ip,
    details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Rows in id order after `afterId`, for the chain walk. */
export async function entriesAfter(q: Queryable, afterId: number, limit: number): Promise<StoredEntry[]> {
  const rows = await q.query<StoredRow>(`SELECT ${COLUMNS} FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit]);
  return rows.map(toEntry);
}

export interface EntryQuery {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  unitId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset cursor: only entries with a smaller id. */
  before?: number | undefined;
  limit: number;
  /** Unit scope: null for every entry, an array for entries of these units only. */
  units: readonly string[] | null;
}

/** Entries newest first, filtered; scope applied in the WHERE clause. */
export async function findEntries(q: Queryable, f: EntryQuery): Promise<StoredEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.units !== null) add((p) => `unit_id = ANY(${p}::text[])`, [...f.units]);
  if (f.action !== undefined) add((p) => `action = ${p}`, f.action);
  if (f.actorId !== undefined) add((p) => `actor_id = ${p}::uuid`, f.actorId);
  if (f.targetType !== undefined) add((p) => `target_type = ${p}`, f.targetType);
  if (f.targetId !== undefined) add((p) => `target_id = ${p}`, f.targetId);
  if (f.unitId !== undefined) add((p) => `unit_id = ${p}`, f.unitId);
  if (f.from !== undefined) add((p) => `at >= ${p}::timestamptz`, f.from.toISOString());
  if (f.to !== undefined) add((p) => `at < ${p}::timestamptz`, f.to.toISOString());
  if (f.before !== undefined) add((p) => `id < ${p}`, f.before);
  params.push(f.limit);
  const sql = `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`;
  const rows = await q.query<StoredRow>(sql, params);
  return rows.map(toEntry);
}

export async function countEntries(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number | string }>('SELECT count(*)::int AS n FROM audit_log');
  return Number(rows[0]?.n ?? 0);
}
