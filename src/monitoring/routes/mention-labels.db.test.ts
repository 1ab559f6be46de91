import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClassifier } from '../../nlp/classify/load.js';
import { enrich } from '../../nlp/enrich.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../../test-support/factories.js';
import type { MentionLabels } from '../labels/label-service.js';
import { fullEnricher, languageOnlyEnricher } from '../mentions/enricher.js';
import { ingestBatch } from '../mentions/ingest.js';

interface ErrorBody {
  error: { code: string; details?: { field?: string; issues?: { path: string }[] } };
}

describe('analysts\' labels on a mention', () => {
  let t: TestApp;
  let analystA: SignedIn;
  let analystA2: SignedIn;
  let officerA: SignedIn;
  let officerB: SignedIn;
  let editorA: SignedIn;
  let analystAId: string;
  let classified: string;
  let unclassified: string;
  let predicted: { hostile: boolean; sentiment: string; aggression: string };

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    const unitA = (await makeUnit(t.ctx)).id;
    const unitB = (await makeUnit(t.ctx)).id;
    const sign = async (role: 'analyst' | 'district_officer' | 'agency_editor', unitId: string, displayName?: string) => {
      const u = await makeUser(t.ctx, { role, unitIds: [unitId], displayName });
      return { id: u.id, session: await signIn(t.app, u.username, u.password) };
    };
    const a = await sign('analyst', unitA, 'Asha <b>Analyst</b>');
    analystA = a.session;
    analystAId = a.id;
    analystA2 = (await sign('analyst', unitA)).session;
    officerA = (await sign('district_officer', unitA)).session;
    officerB = (await sign('district_officer', unitB)).session;
    editorA = (await sign('agency_editor', unitA)).session;
    const ctx = { db: t.ctx.db, monitoring: t.ctx.monitoring };
    const at = new Date().toISOString();
    const text = 'these people should be beaten, send them back now';
    classified = (await ingestBatch(ctx, [{ platform: 'sandbox', externalId: 'label-1', text, createdAt: at, unitIds: [unitA] }], fullEnricher)).ids[0]!;
    unclassified = (await ingestBatch(ctx, [{ platform: 'sandbox', externalId: 'label-2', text: 'no model looked at this one', createdAt: at, unitIds: [unitA] }], languageOnlyEnricher)).ids[0]!;
    const { decisions } = enrich(text);
    predicted = { hostile: decisions.hostile, sentiment: decisions.sentiment, aggression: decisions.aggression };
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (who: SignedIn, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/monitoring/mentions/${id}/labels`, headers: who.headers() });
  const judge = (who: SignedIn, id: string, judgements: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/monitoring/mentions/${id}/labels`, headers: who.headers(), payload: { judgements } });
  const labelOf = (body: MentionLabels, label: string) => body.labels.find((l) => l.label === label)!;

  it('shows the model\'s decision per label before anyone judged it', async () => {
    const res = await get(analystA, classified);
    expect(res.statusCode).toBe(200);
    const body = res.json<MentionLabels>();
    expect(body.model).toBe(getClassifier().version);
    expect(body.labels.map((l) => l.label)).toContain('praise');
    expect(labelOf(body, 'sentiment').predicted).toBe(predicted.sentiment);
    expect(labelOf(body, 'aggression').predicted).toBe(predicted.aggression);
    expect(labelOf(body, 'hostile').predicted).toBe(predicted.hostile);
    expect(body.history).toEqual([]);
    expect(body.abilities.label).toBe(true);
    // Nothing classified the other one: no decision to confirm.
    const plain = (await get(analystA, unclassified)).json<MentionLabels>();
    expect(plain.model).toBeNull();
    expect(plain.labels.every((l) => l.predicted === null)).toBe(true);
  });

  it('stores a confirmation and a correction with who, when and the model shown, and audits them', async () => {
    const res = await judge(analystA, classified, [
      { label: 'hostile', value: predicted.hostile },
      { label: 'sentiment', value: predicted.sentiment === 'negative' ? 'neutral' : 'negative', note: 'sarcasm <i>here</i>' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<MentionLabels>();
    const hostile = labelOf(body, 'hostile').current;
    expect(hostile).toHaveLength(1);
    expect(hostile[0]).toMatchObject({ value: predicted.hostile, predicted: predicted.hostile, model: getClassifier().version, analyst: { id: analystAId, name: 'Asha <b>Analyst</b>' }, note: null });
    expect(Date.parse(hostile[0]!.at)).not.toBeNaN();
    const sentiment = labelOf(body, 'sentiment').current[0]!;
    expect(sentiment.value).not.toBe(sentiment.predicted);
    expect(sentiment.note).toBe('sarcasm <i>here</i>');
    expect(body.history).toHaveLength(2);

    const audit = await t.ctx.audit.list({ action: 'mention.labelled', targetId: classified, scope: null });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ actorId: analystAId, targetType: 'mention' });
    expect(audit.entries[0]!.details).toMatchObject({
      model: getClassifier().version,
      judgements: [
        { label: 'hostile', value: predicted.hostile, predicted: predicted.hostile, noted: false },
        { label: 'sentiment', value: sentiment.value, predicted: predicted.sentiment, noted: true },
      ],
    });
  });

  it('keeps every earlier judgement: the latest per analyst is current, the rest is history', async () => {
    expect((await judge(analystA, classified, [{ label: 'hostile', value: !predicted.hostile }])).statusCode).toBe(200);
    expect((await judge(analystA2, classified, [{ label: 'hostile', value: predicted.hostile }])).statusCode).toBe(200);
    const body = (await get(officerA, classified)).json<MentionLabels>();
    const current = labelOf(body, 'hostile').current;
    expect(current.map((j) => [j.analyst.id === analystAId, j.value])).toEqual([
      [false, predicted.hostile],
      [true, !predicted.hostile],
    ]);
    const hostileHistory = body.history.filter((j) => j.label === 'hostile').map((j) => j.value);
    expect(hostileHistory).toEqual([predicted.hostile, !predicted.hostile, predicted.hostile]);
    // A district desk reads the judgements but does not give them.
    expect(body.abilities.label).toBe(false);
    const rows = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mention_labels WHERE mention_id = $1::bigint', [classified]);
    expect(rows[0]!.n).toBe(4);
  });

  it('refuses an unknown label, a repeated one and a value the label does not take, naming the field', async () => {
    const cases: [unknown, string][] = [
      [[{ label: 'treason', value: true }], 'judgements[0].label'],
      [[{ label: 'praise', value: true }, { label: 'praise', value: false }], 'judgements[1].label'],
      [[{ label: 'praise', value: 'yes' }], 'judgements[0].value'],
      [[{ label: 'hostile', value: false }, { label: 'aggression', value: 'mild' }], 'judgements[1].value'],
      [[{ label: 'sentiment', value: true }], 'judgements[0].value'],
    ];
    for (const [judgements, field] of cases) {
      const res = await judge(analystA, classified, judgements);
      expect(res.statusCode, JSON.stringify(judgements)).toBe(400);
      const { error } = res.json<ErrorBody>();
      expect(error.code).toBe('validation_failed');
      expect(error.details?.field).toBe(field);
    }
    // Schema errors name the path too.
    const empty = await judge(analystA, classified, []);
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ErrorBody>().error.details?.issues?.[0]?.path).toContain('judgements');
    const rows = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mention_labels WHERE mention_id = $1::bigint', [classified]);
    expect(rows[0]!.n).toBe(4);
  });

  it('answers 403 to roles that do not label and 404 outside the caller\'s units', async () => {
    const judgement = [{ label: 'praise', value: true }];
    expect((await judge(officerA, classified, judgement)).statusCode).toBe(403);
    expect((await judge(editorA, classified, judgement)).statusCode).toBe(403);
    expect((await get(editorA, classified)).statusCode).toBe(403);
    expect((await get(officerB, classified)).statusCode).toBe(404);
    expect((await judge(analystA, '999999999', judgement)).statusCode).toBe(404);
    expect((await get(analystA, 'not-a-mention')).statusCode).toBe(404);
    const rows = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM mention_labels WHERE label = 'praise'");
    expect(rows[0]!.n).toBe(0);
  });
});
