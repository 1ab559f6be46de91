import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/database.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/db.js';
import { languageOnlyEnricher } from './enricher.js';
import type { IncomingMention } from './incoming.js';
import { ingestBatch } from './ingest.js';
import { COPY_AT } from './insert-columns.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

let seq = 0;
function item(over: Partial<IncomingMention> = {}): IncomingMention {
  seq++;
  return {
    platform: 'sandbox',
    externalId: `ext-${seq}-${Math.random().toString(36).slice(2, 8)}`,
    text: `post number ${seq} about traffic near ITO and the flyover this morning`,
    createdAt: new Date(Date.UTC(2026, 10, 1, 10, 0, seq % 60)).toISOString(),
    authorHandle: `user${seq}`,
    ...over,
  };
}

const ingest = (items: IncomingMention[]) => ingestBatch({ db: t.db }, items, languageOnlyEnricher);

type Db = TestDatabase['db'];

/** The test database with some of its methods replaced. */
function dbWith(over: Partial<Pick<Db, 'query' | 'transaction'>>): Db {
  return new Proxy(t.db, {
    get(target, prop) {
      const own = (over as Record<PropertyKey, unknown>)[prop];
      if (own !== undefined) return own;
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The test database, with the statements it is sent noted in `sql`. */
function notingStatements(): { db: Db; sql: string[] } {
  const sql: string[] = [];
  const db = dbWith({ query: <T>(s: string, p?: readonly unknown[]) => (sql.push(s), t.db.query<T>(s, p)) });
  return { db, sql };
}

describe('ingestBatch', () => {
  it('runs one INSERT of mentions of the process at a time: a batch written meanwhile waits for the one before', async () => {
    const spans: string[] = [];
    const noting = (tx: Queryable): Queryable => ({
      ...tx,
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        if (!sql.trimStart().startsWith('INSERT INTO mentions')) return tx.query<T>(sql, params);
        spans.push('begin');
        // Long enough for the other batch to reach its INSERT if nothing held it back.
        await new Promise((r) => setTimeout(r, 50));
        try {
          return await tx.query<T>(sql, params);
        } finally {
          spans.push('end');
        }
      },
    });
    const db = dbWith({ transaction: <T>(fn: (tx: Queryable) => Promise<T>) => t.db.transaction((tx) => fn(noting(tx))) });
    const a = [item(), item()];
    const b = [item(), item()];
    const [ra, rb] = await Promise.all([ingestBatch({ db }, a, languageOnlyEnricher), ingestBatch({ db }, b, languageOnlyEnricher)]);
    expect(spans).toEqual(['begin', 'end', 'begin', 'end']);
    expect([ra.stored, rb.stored]).toEqual([2, 2]);
  });

  it('goes on writing after an INSERT that failed while the next waited for its turn', async () => {
    let fail = true;
    const failingOnce = (tx: Queryable): Queryable => ({
      ...tx,
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        if (!fail || !sql.trimStart().startsWith('INSERT INTO mentions')) return tx.query<T>(sql, params);
        fail = false;
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('connection lost');
      },
    });
    const db = dbWith({ transaction: <T>(fn: (tx: Queryable) => Promise<T>) => t.db.transaction((tx) => fn(failingOnce(tx))) });
    // Whichever batch reaches its INSERT first fails; the other waits for it, then writes.
    const results = await Promise.allSettled([ingestBatch({ db }, [item()], languageOnlyEnricher), ingestBatch({ db }, [item()], languageOnlyEnricher)]);
    expect(results.filter((r) => r.status === 'rejected')).toMatchObject([{ reason: { message: 'connection lost' } }]);
    expect(results.filter((r) => r.status === 'fulfilled')).toMatchObject([{ value: { stored: 1 } }]);
  });


  it('stores each item once and a repeated batch stores nothing', async () => {
    const items = [item(), item(), item()];
    const first = await ingest(items);
    expect(first.stored).toBe(3);
    expect(first.ids).toHaveLength(3);
    const again = await ingest(items);
    expect(again).toMatchObject({ stored: 0, duplicates: 3, edited: 0, ids: [] });
    const rows = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM mentions WHERE external_id = ANY($1)',
      [items.map((i) => i.externalId)],
    );
    expect(rows[0]!.n).toBe(3);
  });

  it('keeps the raw text and payload, and fills the normalised fields', async () => {
    const evil = item({ text: '<script>alert(1)</script> <img src=x onerror=alert(2)> दिल्ली पुलिस', raw: { id: 'x', nested: { a: [1, 2] } } });
    const r = await ingest([evil]);
    const [row] = await t.db.query<{ text: string; raw: unknown; lang: string; normalized: string; content_hash: string; version: number }>(
      'SELECT text, raw, lang, normalized, content_hash, version FROM mentions WHERE id = $1',
      [r.ids[0]],
    );
    expect(row!.text).toBe(evil.text);
    expect(row!.raw).toEqual({ id: 'x', nested: { a: [1, 2] } });
    expect(row!.normalized).toContain('दिल्ली');
    expect(row!.version).toBe(1);
    expect(row!.content_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records an edit as a new version and keeps the old one; an old version delivered again is no edit', async () => {
    const v1 = item({ text: 'Water supply cut in Dwarka sector 10 since morning, no tanker yet' });
    const [id] = (await ingest([v1])).ids;
    const v2 = { ...v1, text: 'Water supply cut in Dwarka sector 10 since morning, tanker arrived at 4 pm' };
    const edit = await ingest([v2]);
    expect(edit).toMatchObject({ stored: 0, edited: 1, ids: [id] });
    const late = await ingest([v1]);
    expect(late).toMatchObject({ stored: 0, edited: 0, duplicates: 1 });
    const [cur] = await t.db.query<{ text: string; version: number }>('SELECT text, version FROM mentions WHERE id = $1', [id]);
    expect(cur).toEqual({ text: v2.text, version: 2 });
    const versions = await t.db.query<{ version: number; text: string }>('SELECT version, text FROM mention_versions WHERE mention_id = $1 ORDER BY version', [id]);
    expect(versions).toEqual([{ version: 1, text: v1.text }]);
  });

  it('records a deletion notice without text as a version that keeps the last text', async () => {
    const v1 = item({ text: 'Fake news: the metro is shut all day tomorrow in east Delhi' });
    const [id] = (await ingest([v1])).ids;
    const del = await ingest([{ ...v1, text: '', deleted: true }]);
    expect(del.edited).toBe(1);
    const again = await ingest([{ ...v1, text: '', deleted: true }]);
    expect(again).toMatchObject({ edited: 0, duplicates: 1 });
    const [cur] = await t.db.query<{ text: string; version: number; deleted: boolean }>(
      'SELECT text, version, deleted_at IS NOT NULL AS deleted FROM mentions WHERE id = $1',
      [id],
    );
    expect(cur).toEqual({ text: v1.text, version: 2, deleted: true });
  });

  it('writes two occurrences of one item in a batch in order: the second is an edit', async () => {
    const a = item({ text: 'first text of this post with enough words' });
    const b = { ...a, text: 'second text of this post with enough words' };
    const r = await ingest([a, b]);
    expect(r).toMatchObject({ stored: 1, edited: 1 });
  });

  it('refreshes engagement counts without a new version', async () => {
    const a = item({ engagement: { likes: 1 } });
    const [id] = (await ingest([a])).ids;
    const r = await ingest([{ ...a, engagement: { likes: 9 } }]);
    expect(r).toMatchObject({ stored: 0, duplicates: 1, edited: 0 });
    const [row] = await t.db.query<{ engagement: unknown; version: number }>('SELECT engagement, version FROM mentions WHERE id = $1', [id]);
    expect(row).toEqual({ engagement: { likes: 9 }, version: 1 });
  });

  it('clusters forwarded copies, small edits and the romanised copy together, and not unrelated posts', async () => {
    const base = 'सीलमपुर में दंगा शुरू हो गया है, सब लोग घर में रहो, पुलिस कुछ नहीं कर रही';
    const r1 = await ingest([item({ text: base }), item({ text: 'Traffic jam at ITO because of waterlogging, avoid the route this evening please' })]);
    const r2 = await ingest([
      item({ text: `${base}!! फॉरवर्ड करो` }),
      item({ text: 'seelampur mein danga shuru ho gaya hai, sab log ghar mein raho, police kuch nahi kar rahi' }),
      item({ text: `${base} https://example.org/x` }),
    ]);
    const ids = [...r1.ids, ...r2.ids];
    const rows = await t.db.query<{ id: string; cluster_id: string | null }>('SELECT id::text AS id, cluster_id::text AS cluster_id FROM mentions WHERE id = ANY($1::bigint[])', [ids]);
    const cluster = new Map(rows.map((r) => [r.id, r.cluster_id]));
    const rumour = cluster.get(r1.ids[0]!);
    expect(rumour).not.toBeNull();
    expect(cluster.get(r1.ids[1]!)).not.toBe(rumour);
    for (const id of r2.ids) expect(cluster.get(id)).toBe(rumour);
    const [c] = await t.db.query<{ size: number; first_mention_id: string }>('SELECT size, first_mention_id::text AS first_mention_id FROM clusters WHERE id = $1', [rumour]);
    expect(c).toEqual({ size: 4, first_mention_id: r1.ids[0] });
    // Storing the same items again does not grow the cluster.
    await ingest([item({ text: base, externalId: 'again' })]);
    await ingest([item({ text: base, externalId: 'again' })]);
    const [c2] = await t.db.query<{ size: number }>('SELECT size FROM clusters WHERE id = $1', [rumour]);
    expect(c2!.size).toBe(5);
  });

  it('puts an exact copy in a later batch into its twin\'s cluster without looking up candidates', async () => {
    const text = 'Bhajanpura chowk par do gaadiyon ki takkar, rasta band hai, doosra raasta lijiye';
    const { db, sql } = notingStatements();
    const first = await ingestBatch({ db }, [item({ text })], languageOnlyEnricher);
    expect(sql.some((s) => s.includes('FROM cluster_bands'))).toBe(true);
    sql.length = 0;
    const copy = await ingestBatch({ db }, [item({ text: `${text}!!` })], languageOnlyEnricher);
    expect(sql.some((s) => s.includes('FROM cluster_bands'))).toBe(false);
    const rows = await t.db.query<{ cluster_id: string }>('SELECT cluster_id::text AS cluster_id FROM mentions WHERE id = ANY($1::bigint[]) ORDER BY id', [[first.ids[0], copy.ids[0]]]);
    expect(rows[0]!.cluster_id).not.toBeNull();
    expect(rows[1]!.cluster_id).toBe(rows[0]!.cluster_id);
    const [c] = await t.db.query<{ size: number }>('SELECT size FROM clusters WHERE id = $1', [rows[0]!.cluster_id]);
    expect(c!.size).toBe(2);
  });

  it('puts a copy of a text that joined another text\'s cluster into that cluster without looking up candidates', async () => {
    const text = 'Jafrabad metro ke neeche bheed jama ho rahi hai, police ko turant bhejo, log pathar utha rahe hain';
    const { db, sql } = notingStatements();
    const first = await ingestBatch({ db }, [item({ text })], languageOnlyEnricher);
    // A small edit: another key, which joins the first text's cluster by lookup.
    const edited = `${text}, forward karo`;
    const joined = await ingestBatch({ db }, [item({ text: edited })], languageOnlyEnricher);
    sql.length = 0;
    const copy = await ingestBatch({ db }, [item({ text: `${edited}!!` })], languageOnlyEnricher);
    expect(sql.some((s) => s.includes('FROM cluster_bands'))).toBe(false);
    const rows = await t.db.query<{ cluster_id: string; cluster_key: string }>('SELECT cluster_id::text AS cluster_id, cluster_key FROM mentions WHERE id = ANY($1::bigint[]) ORDER BY id', [[first.ids[0], joined.ids[0], copy.ids[0]]]);
    expect(rows[1]!.cluster_key).not.toBe(rows[0]!.cluster_key);
    expect(rows[2]!.cluster_key).toBe(rows[1]!.cluster_key);
    expect(new Set(rows.map((r) => r.cluster_id))).toEqual(new Set([rows[0]!.cluster_id]));
    const [c] = await t.db.query<{ size: number }>('SELECT size FROM clusters WHERE id = $1', [rows[0]!.cluster_id]);
    expect(c!.size).toBe(3);
  });

  it('starts a new cluster for a copy of a rumour last seen more than the window ago', async () => {
    const text = 'Gokulpuri mein bachcha chor gang ghoom raha hai, sab apne bachchon ka dhyan rakhein';
    const old = await ingest([item({ text })]);
    const [c] = await t.db.query<{ cluster_id: string }>('SELECT cluster_id::text AS cluster_id FROM mentions WHERE id = $1', [old.ids[0]]);
    await t.db.execute("UPDATE clusters SET last_seen_at = now() - interval '8 days' WHERE id = $1", [c!.cluster_id]);
    // A process that has not met the cluster reads its last-seen time (this one keeps it in memory).
    const elsewhere = new Proxy(t.db, { get: (target, prop) => (v => (typeof v === 'function' ? v.bind(target) : v))(Reflect.get(target, prop) as unknown) });
    const copy = await ingestBatch({ db: elsewhere }, [item({ text: `${text}, forward karo` })], languageOnlyEnricher);
    const [n] = await t.db.query<{ cluster_id: string }>('SELECT cluster_id::text AS cluster_id FROM mentions WHERE id = $1', [copy.ids[0]]);
    expect(n!.cluster_id).not.toBeNull();
    expect(n!.cluster_id).not.toBe(c!.cluster_id);
  });

  it('passes over a cluster keyed before the MinHash keys (0022) that shares bands with a mention', async () => {
    const text = 'Bhajanpura chowk par do gut aapas mein bhid gaye, police pahunchi, video viral';
    const first = await ingest([item({ text })]);
    const [c] = await t.db.query<{ bands: number[] }>('SELECT c.bands FROM clusters c JOIN mentions m ON m.cluster_id = c.id WHERE m.id = $1', [first.ids[0]]);
    // A SimHash-era cluster (a key of 16 hex digits) under the same band values.
    const [old] = await t.db.query<{ id: string }>("INSERT INTO clusters (key, bands, size) VALUES ('00ff00ff00ff00ff', $1, 1) RETURNING id::text AS id", [c!.bands]);
    await t.db.execute('INSERT INTO cluster_bands (band, cluster_id) SELECT unnest($1::int[]), $2::bigint', [c!.bands, old!.id]);
    const copy = await ingestBatch({ db: new Proxy(t.db, { get: (target, prop) => (v => (typeof v === 'function' ? v.bind(target) : v))(Reflect.get(target, prop) as unknown) }) }, [item({ text: `${text} dekho` })], languageOnlyEnricher);
    expect(copy.stored).toBe(1);
    const [n] = await t.db.query<{ cluster_id: string }>('SELECT cluster_id::text AS cluster_id FROM mentions WHERE id = $1', [copy.ids[0]]);
    expect(n!.cluster_id).not.toBe(old!.id);
  });

  it('carries the source units for scoping and strips NUL characters', async () => {
    const r = await ingest([item({ text: 'a\u0000b c d e f', unitIds: ['8162'], raw: { t: 'x\u0000y' } })]);
    const [row] = await t.db.query<{ text: string; unit_ids: string[]; raw: unknown }>('SELECT text, unit_ids, raw FROM mentions WHERE id = $1', [r.ids[0]]);
    expect(row).toEqual({ text: 'ab c d e f', unit_ids: ['8162'], raw: { t: 'xy' } });
  });

  it('drops the column separators U+001D and U+001E from text (the raw payload keeps them) and stores every row in its place', async () => {
    const r = await ingest([
      item({ externalId: 'sep-1', text: 'one\u001etwo\u001dthree', authorName: 'A\u001eB', raw: { t: 'x\u001ey' } }),
      item({ externalId: 'sep-2', text: '', authorName: null }),
      item({ externalId: 'sep-3', text: 'third row', authorName: 'C' }),
    ]);
    expect(r.stored).toBe(3);
    const rows = await t.db.query<{ external_id: string; text: string; author_name: string | null; raw: unknown }>(
      "SELECT external_id, text, author_name, raw FROM mentions WHERE external_id LIKE 'sep-%' ORDER BY external_id",
    );
    expect(rows).toEqual([
      { external_id: 'sep-1', text: 'onetwothree', author_name: 'AB', raw: { t: 'x\u001ey' } },
      { external_id: 'sep-2', text: '', author_name: null, raw: expect.anything() },
      { external_id: 'sep-3', text: 'third row', author_name: 'C', raw: expect.anything() },
    ]);
    // A batch of one empty text is one row, not none.
    const one = await ingest([item({ externalId: 'sep-4', text: '' })]);
    expect(one.stored).toBe(1);
  });
});

describe('ingestBatch by COPY (a batch of COPY_AT items or more)', () => {
  /** The test database, with the tables its transactions COPY into noted in `copied`. */
  function notingCopies(): { db: Db; copied: string[] } {
    const copied: string[] = [];
    const noting = (tx: Queryable): Queryable => ({ ...tx, copyIn: (table, columns, chunks) => (copied.push(table), tx.copyIn(table, columns, chunks)) });
    return { copied, db: dbWith({ transaction: <T>(fn: (tx: Queryable) => Promise<T>) => t.db.transaction((tx) => fn(noting(tx))) }) };
  }

  /** Items of every kind of content: hostile and multi-line text, media, deletions, replies, units. */
  function varied(n: number, tag: string): IncomingMention[] {
    return Array.from({ length: n }, (_, i) =>
      item({
        externalId: `${tag}-${i}`,
        text: [`दंगा की ख़बर ${i}\tगलत है\nforward mat karo`, `<img src=x onerror=alert(${i})> back\\slash "quoted" ${i}`, `Traffic jam at ITO ${i % 7}\r\nsince morning`, ''][i % 4]!,
        media: i % 5 === 0 ? [{ type: 'image', url: `https://x.example/${i}.jpg` }] : undefined,
        deleted: i % 9 === 0 ? true : undefined,
        replyTo: i % 6 === 0 ? `p-${i}` : undefined,
        unitIds: i % 3 === 0 ? ['8162', 'd"q'] : undefined,
        engagement: { likes: i },
        raw: { id: `${tag}-${i}`, nested: { tab: 'a\tb', nul: 'x\u0000y', sep: 'c\u001ed' } },
      }),
    );
  }

  const COMPARED = `text, normalized, lang, author_handle, reply_to, media, engagement, raw, content_hash, deleted_at IS NOT NULL AS deleted,
    scores, labels, unit_ids, cluster_key, search_keys::text AS search_keys, created_at, cluster_id IS NOT NULL AS clustered`;

  it('stores the rows as the INSERT stores them, with their clusters', async () => {
    const { db, copied } = notingCopies();
    const copiedItems = varied(COPY_AT, `cp${seq}`);
    const r = await ingestBatch({ db }, copiedItems, languageOnlyEnricher);
    expect(copied).toEqual(['mentions']);
    expect(r).toMatchObject({ stored: COPY_AT, duplicates: 0, edited: 0 });
    expect(new Set(r.ids).size).toBe(COPY_AT);
    // The same items under other ids, in batches small enough for the INSERT (through the same
    // database object, whose clustering remembers where each text went).
    const inserted = copiedItems.map((m) => ({ ...m, externalId: `${m.externalId}-ins` }));
    for (let i = 0; i < inserted.length; i += 100) await ingestBatch({ db }, inserted.slice(i, i + 100), languageOnlyEnricher);
    expect(copied).toEqual(['mentions']);
    const rows = await t.db.query<Record<string, unknown> & { external_id: string }>(
      `SELECT external_id, ${COMPARED} FROM mentions WHERE external_id = ANY($1) OR external_id = ANY($2)`,
      [copiedItems.map((m) => m.externalId), inserted.map((m) => m.externalId)],
    );
    const byId = new Map(rows.map(({ external_id, ...rest }) => [external_id, rest]));
    for (const m of copiedItems) expect(byId.get(m.externalId), m.externalId).toEqual(byId.get(`${m.externalId}-ins`));
    expect(byId.get(copiedItems[1]!.externalId)).toMatchObject({ text: copiedItems[1]!.text, raw: { nested: { tab: 'a\tb', nul: 'xy', sep: 'c\u001ed' } } });
    expect(byId.get(copiedItems[0]!.externalId)).toMatchObject({ deleted: true, unit_ids: ['8162', 'd"q'] });
    // The copies under other ids joined the COPY's clusters: the ids written by COPY are the clusters'.
    const [c] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mentions a JOIN mentions b ON b.external_id = a.external_id || '-ins'
        WHERE a.external_id = ANY($1) AND a.cluster_id IS DISTINCT FROM b.cluster_id`,
      [copiedItems.map((m) => m.externalId)],
    );
    expect(c!.n).toBe(0);
  });

  it('stores the new rows of a batch holding stored ones through the staging table, and compares the stored ones', async () => {
    const items = varied(COPY_AT, `st${seq}`);
    const before = [items[3]!, items[10]!, { ...items[20]!, text: 'an earlier text of the post, since edited' }];
    await ingest(before);
    const { db, copied } = notingCopies();
    const r = await ingestBatch({ db }, items, languageOnlyEnricher);
    expect(copied).toEqual(['mentions', 'mentions_in']);
    expect(r).toMatchObject({ stored: COPY_AT - 3, duplicates: 2, edited: 1 });
    const [n] = await t.db.query<{ rows: number; ids: number }>(
      'SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids FROM mentions WHERE external_id = ANY($1)',
      [items.map((m) => m.externalId)],
    );
    expect(n).toEqual({ rows: COPY_AT, ids: COPY_AT });
    const [edited] = await t.db.query<{ version: number; text: string }>('SELECT version, text FROM mentions WHERE external_id = $1', [items[20]!.externalId]);
    expect(edited).toEqual({ version: 2, text: items[20]!.text });
    // Written again whole, nothing is new.
    expect(await ingest(items)).toMatchObject({ stored: 0, duplicates: COPY_AT });
  });
});

