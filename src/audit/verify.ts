import type { Queryable } from '../db/database.js';
import { entriesAfter } from './audit-repository.js';
import { GENESIS_HASH, entryHash } from './hash.js';

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/**
 * Walks the chain in id order, a page at a time, and reports the first entry where it breaks:
 * a gap in the ids (an entry was deleted), a hash that does not match the entry's content (the
 * entry was changed, or moved to another id), or a link to a hash that is not the previous
 * entry's (an entry before it was replaced). `count` is the number of entries checked and found
 * good before the break.
 */
export async function verifyChain(q: Queryable, pageSize = 1000): Promise<VerifyResult> {
  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  // Start below any id, so that a row slipped in with id 0 or less is seen too.
  let cursor = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const page = await entriesAfter(q, cursor, pageSize);
    for (const row of page) {
      if (row.id < expectedId) {
        return { ok: false, count, brokenAt: row.id, reason: 'unexpected id: ids count up from 1 (an entry was inserted)' };
      }
      if (row.id !== expectedId) {
        const missing = row.id - 1 > expectedId ? `entries #${expectedId} to #${row.id - 1} are missing` : `entry #${expectedId} is missing`;
        return { ok: false, count, brokenAt: row.id, reason: `${missing} (deleted)` };
      }
      const { hash, ...fields } = row;
      if (entryHash(fields) !== hash) {
        return { ok: false, count, brokenAt: row.id, reason: 'the entry does not match its hash (changed, or moved from another id)' };
      }
      if (row.prevHash !== prevHash) {
        const before = expectedId === 1 ? 'the start of the log' : `entry #${expectedId - 1}`;
        return { ok: false, count, brokenAt: row.id, reason: `its link does not match the hash of ${before} (an entry before it was replaced)` };
      }
      prevHash = hash;
      expectedId = row.id + 1;
      cursor = row.id;
      count += 1;
    }
    if (page.length < pageSize) return { ok: true, count };
  }
}
