import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUser } from '../../test-support/factories.js';
import { languageOnlyEnricher } from '../mentions/enricher.js';
import { ingestBatch } from '../mentions/ingest.js';
import { testDbKind } from '../../test-support/db.js';
import { addWords } from './search-repository.js';
import { searchKeysJob } from './search-keys-job.js';
import { queryKeys } from './search-terms.js';

let t: TestApp;
let admin: Actor;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const a = await makeUser(t.ctx, { role: 'sb_supervisor' });
  admin = { userId: a.id, username: a.username, displayName: a.username, role: 'sb_supervisor', units: 'all', via: 'session' };
});
afterAll(async () => {
  await t.close();
});

const search = async (q: string) => (await t.ctx.monitoring.stream.list(admin, { q })).mentions.map((m) => m.text);

describe('search keys', () => {
  it('stores each word once as its key, Devanagari and romanised alike', async () => {
    await ingestBatch({ db: t.ctx.db }, [{ platform: 'sandbox', externalId: 'k-1', text: 'दंगा नहीं हुआ, danga ki afwaah hai, Dangaa!', createdAt: new Date().toISOString() }], languageOnlyEnricher);
    const [row] = await t.ctx.db.query<{ keys: string }>("SELECT search_keys::text AS keys FROM mentions WHERE external_id = 'k-1'");
    const lexemes = row!.keys.split(' ');
    expect(lexemes.filter((l) => l === `'${queryKeys('danga')[0]}'`)).toHaveLength(1);
    expect(lexemes).toContain(`'${queryKeys('afwaah')[0]}'`);
    expect(await search('दंगा')).toEqual(['दंगा नहीं हुआ, danga ki afwaah hai, Dangaa!']);
  });

  it('gives keys to mentions stored before keys existed (the job), and they are found', async () => {
    await ingestBatch({ db: t.ctx.db }, [{ platform: 'sandbox', externalId: 'k-2', text: 'Purani post: Shahdara mein jaam laga hai', createdAt: new Date().toISOString() }], languageOnlyEnricher);
    await t.ctx.db.execute("UPDATE mentions SET search_keys = NULL WHERE external_id = 'k-2'");
    await t.ctx.db.execute("DELETE FROM search_words WHERE word = $1", queryKeys('shahdara'));
    expect(await search('shahdara')).toEqual([]);

    const outcome = await searchKeysJob.handler({}, t.ctx);
    expect(outcome).toEqual({ status: 'done', detail: { mentions: 1 } });
    expect(await search('shahdara')).toEqual(['Purani post: Shahdara mein jaam laga hai']);
    expect(await t.ctx.db.query('SELECT 1 FROM search_words WHERE word = $1', queryKeys('shahdara'))).toHaveLength(1);
    // Nothing left to do: the next run finds nothing.
    expect(await searchKeysJob.handler({}, t.ctx)).toEqual({ status: 'done', detail: { mentions: 0 } });
  });
});

describe.skipIf(testDbKind !== 'postgres')('the search dictionary under concurrent writers (server suite only)', () => {
  it('takes the same new words from writers in any order without a deadlock', async () => {
    // Two writers starting on one stream meet the same new words in different orders. Each pair
    // of statements runs at once, each with its own connection of the pool.
    for (let round = 0; round < 5; round++) {
      const words = Array.from({ length: 3_000 }, (_, i) => `w${round}x${i.toString(36)}`);
      const reversed = [...words].reverse();
      await Promise.all([addWords(t.ctx.db, words), addWords(t.ctx.db, reversed), addWords(t.ctx.db, words.filter((_, i) => i % 2 === 0))]);
      const [n] = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM search_words WHERE word LIKE $1', [`w${round}x%`]);
      expect(n!.n).toBe(words.length);
    }
  });
});
