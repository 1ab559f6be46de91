import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import { loadHeads } from '../../nlp/train/heads.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser } from '../../test-support/factories.js';
import { languageOnlyEnricher } from '../mentions/enricher.js';
import { ingestBatch } from '../mentions/ingest.js';
import { labelService } from './label-service.js';
import { exportAnalystLabels, readAnalystTrainingRows, toTrainingRows } from './training-rows.js';

describe('analysts\' labels as training rows', () => {
  let t: TestApp;
  let empty: string;
  const ids: Record<'thanks' | 'edited' | 'gone' | 'split', string> = { thanks: '', edited: '', gone: '', split: '' };

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    empty = mkdtempSync(join(tmpdir(), 'chhavi-labels-'));
    const unit = (await makeUnit(t.ctx)).id;
    const analyst = async (): Promise<Actor> => {
      const u = await makeUser(t.ctx, { role: 'analyst', unitIds: [unit] });
      return { userId: u.id, username: u.username, displayName: u.username, role: 'analyst', units: [unit], via: 'session' };
    };
    const [a, b, c] = [await analyst(), await analyst(), await analyst()];
    const ctx = { db: t.ctx.db, monitoring: t.ctx.monitoring };
    const at = new Date().toISOString();
    const ingest = async (externalId: string, text: string) =>
      (await ingestBatch(ctx, [{ platform: 'sandbox', externalId, text, createdAt: at, unitIds: [unit] }], languageOnlyEnricher)).ids[0]!;
    ids.thanks = await ingest('train-1', 'thana 5 ke SHO ko shukriya, turant madad mili');
    ids.edited = await ingest('train-2', 'first text of the post');
    ids.gone = await ingest('train-3', 'a post its author deleted');
    ids.split = await ingest('train-4', 'kuch log pareshan hain, police kuch nahi karti');

    const labels = labelService(t.ctx);
    await labels.judge(a, ids.thanks, [{ label: 'praise', value: true }, { label: 'sentiment', value: 'positive' }]);
    await labels.judge(a, ids.edited, [{ label: 'complaint', value: false }]);
    await labels.judge(a, ids.gone, [{ label: 'hostile', value: true }]);
    // Three analysts on one label: a's first judgement is superseded by a's second, and two of
    // the three hold `true` now.
    await labels.judge(a, ids.split, [{ label: 'complaint', value: false }, { label: 'aggression', value: 'covert' }]);
    await labels.judge(b, ids.split, [{ label: 'complaint', value: true }]);
    await labels.judge(a, ids.split, [{ label: 'complaint', value: true }]);
    await labels.judge(c, ids.split, [{ label: 'complaint', value: false }]);

    // The post is edited after it was judged: training reads its current text.
    await ingest('train-2', 'second text of the post, as it reads now');
    await t.ctx.db.execute('UPDATE mentions SET deleted_at = now() WHERE id = $1::bigint', [ids.gone]);
  });
  afterAll(async () => {
    rmSync(empty, { recursive: true, force: true });
    await t.close();
  });

  it('gives one row per labelled mention, with its current text and the value most of its analysts hold now', async () => {
    const rows = await readAnalystTrainingRows(t.ctx.db);
    expect(rows).toEqual([
      { id: `mention:${ids.thanks}`, text: 'thana 5 ke SHO ko shukriya, turant madad mili', labels: { praise: true, sentiment: 'positive' } },
      { id: `mention:${ids.edited}`, text: 'second text of the post, as it reads now', labels: { complaint: false } },
      { id: `mention:${ids.split}`, text: 'kuch log pareshan hain, police kuch nahi karti', labels: { aggression: 'covert', complaint: true } },
    ]);
  });

  it('breaks a tie between analysts by the most recent judgement', () => {
    const row = (value: string) => ({ mentionId: '7', text: 'x', label: 'praise', value });
    expect(toTrainingRows([row('false'), row('true')])).toEqual([{ id: 'mention:7', text: 'x', labels: { praise: false } }]);
    expect(toTrainingRows([row('false'), row('true'), row('true')])).toEqual([{ id: 'mention:7', text: 'x', labels: { praise: true } }]);
    expect(toTrainingRows([])).toEqual([]);
  });

  it('reaches the training examples of each head it labels', async () => {
    const rows = await readAnalystTrainingRows(t.ctx.db);
    const heads = loadHeads({ datasetsDir: empty, projectDir: empty, analystLabels: rows });
    const train = (label: string) => heads.find((h) => h.label === label)!.train;
    expect(train('praise')).toEqual([{ text: 'thana 5 ke SHO ko shukriya, turant madad mili', y: 1, w: 1 }]);
    expect(train('complaint')).toEqual([
      { text: 'second text of the post, as it reads now', y: 0, w: 1 },
      { text: 'kuch log pareshan hain, police kuch nahi karti', y: 1, w: 1 },
    ]);
    // Classes by their index in the head's classes.
    const sentiment = heads.find((h) => h.label === 'sentiment')!;
    expect(train('sentiment')).toEqual([{ text: 'thana 5 ke SHO ko shukriya, turant madad mili', y: sentiment.classes!.indexOf('positive'), w: 1 }]);
    const aggression = heads.find((h) => h.label === 'aggression')!;
    expect(train('aggression')).toEqual([{ text: 'kuch log pareshan hain, police kuch nahi karti', y: aggression.classes!.indexOf('covert'), w: 1 }]);
    // The deleted post trains nothing.
    expect(train('hostile')).toEqual([]);
  });

  it('audits taking the rows out of the database', async () => {
    const rows = await exportAnalystLabels(t.ctx, 'train');
    expect(rows).toHaveLength(3);
    const audit = await t.ctx.audit.list({ action: 'mention_labels.exported', scope: null });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]!.details).toEqual({ purpose: 'train', mentions: 3, labels: 5 });
  });
});
