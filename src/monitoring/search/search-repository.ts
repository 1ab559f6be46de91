import type { Queryable } from '../../db/database.js';

/**
 * Adds search keys to the dictionary (those already there are left alone). In sorted order, so
 * that writers adding the same new words at once take their unique-index locks in one order: in
 * the order of their batches, two writers each waited for a word the other had just inserted, and
 * the database broke the deadlock after a second by failing one of them.
 */
export async function addWords(q: Queryable, words: readonly string[]): Promise<void> {
  if (words.length === 0) return;
  const sorted = [...words].sort();
  await q.execute('INSERT INTO search_words (word) SELECT unnest($1::text[]) ON CONFLICT (word) DO NOTHING', [sorted]);
}

/**
 * For each key, the dictionary's words most like it by trigram similarity (at least `minSimilarity`,
 * at most `perKey`, most similar first), the key itself left out.
 */
export async function similarWords(q: Queryable, keys: string[], minSimilarity: number, perKey: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(keys.map((k) => [k, []]));
  if (keys.length === 0) return out;
  const rows = await q.query<{ key: string; word: string }>(
    `SELECT k.key, w.word
       FROM unnest($1::text[]) AS k(key)
       CROSS JOIN LATERAL (
         SELECT word FROM search_words
          WHERE word % k.key AND word <> k.key AND similarity(word, k.key) >= $2
          ORDER BY similarity(word, k.key) DESC, word
          LIMIT $3) w`,
    [keys, minSimilarity, perKey],
  );
  for (const r of rows) out.get(r.key)!.push(r.word);
  return out;
}

/** Mentions stored without search keys (before they existed), oldest first. */
export async function mentionsWithoutKeys(q: Queryable, limit: number): Promise<{ id: string; normalized: string }[]> {
  return q.query('SELECT id::text AS id, normalized FROM mentions WHERE search_keys IS NULL ORDER BY id LIMIT $1', [limit]);
}

export async function setSearchKeys(q: Queryable, rows: { id: string; searchKeys: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.execute(
    `UPDATE mentions m SET search_keys = u.k::tsvector
       FROM unnest($1::bigint[], $2::text[]) AS u(id, k)
      WHERE m.id = u.id AND m.search_keys IS NULL`,
    [rows.map((r) => r.id), rows.map((r) => r.searchKeys)],
  );
}

/**
 * Removes up to `limit` dictionary words that no stored mention has any more (after retention
 * deleted the mentions they came from); returns how many.
 */
export async function pruneWords(q: Queryable, limit: number, afterWord: string): Promise<{ removed: number; last: string | null }> {
  const rows = await q.query<{ word: string; used: boolean }>(
    `SELECT w.word, EXISTS (SELECT 1 FROM mentions m WHERE m.search_keys @@ quote_literal(w.word)::tsquery) AS used
       FROM search_words w WHERE w.word > $1 ORDER BY w.word LIMIT $2`,
    [afterWord, limit],
  );
  const unused = rows.filter((r) => !r.used).map((r) => r.word);
  if (unused.length) await q.execute('DELETE FROM search_words WHERE word = ANY($1::text[])', [unused]);
  return { removed: unused.length, last: rows.length ? rows[rows.length - 1]!.word : null };
}
