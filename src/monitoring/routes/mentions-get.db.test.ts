import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Label } from '../../nlp/classify/labels.js';
import { getClassifier } from '../../nlp/classify/load.js';
import { explainLabel } from '../../nlp/enrich.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../../test-support/factories.js';
import { fullEnricher, languageOnlyEnricher } from '../mentions/enricher.js';
import { ingestBatch } from '../mentions/ingest.js';

interface Detail {
  mention: { id: string; text: string; labels: string[] };
  explanation: { model: string; labels: { label: string; ngrams: { ngram: string; weight: number }[] }[] } | null;
}

describe('mention detail: why it carries its labels', () => {
  let t: TestApp;
  let analystA: SignedIn;
  let officerB: SignedIn;
  let editorA: SignedIn;
  let labelled: string;
  let unlabelled: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    const unitA = (await makeUnit(t.ctx)).id;
    const unitB = (await makeUnit(t.ctx)).id;
    const sign = async (role: 'analyst' | 'district_officer' | 'agency_editor', unitId: string) => {
      const u = await makeUser(t.ctx, { role, unitIds: [unitId] });
      return signIn(t.app, u.username, u.password);
    };
    analystA = await sign('analyst', unitA);
    officerB = await sign('district_officer', unitB);
    editorA = await sign('agency_editor', unitA);
    const ctx = { db: t.ctx.db, monitoring: t.ctx.monitoring };
    const at = new Date().toISOString();
    labelled = (await ingestBatch(ctx, [{ platform: 'sandbox', externalId: 'explain-1', text: 'these people should be beaten, send them back <b>now</b>', createdAt: at, unitIds: [unitA] }], fullEnricher)).ids[0]!;
    unlabelled = (await ingestBatch(ctx, [{ platform: 'sandbox', externalId: 'explain-2', text: 'no model looked at this one', createdAt: at, unitIds: [unitA] }], languageOnlyEnricher)).ids[0]!;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (who: SignedIn, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/monitoring/mentions/${id}`, headers: who.headers() });

  it('lists, for every label the mention carries, the n-grams the model in use gives for it, strongest first', async () => {
    const res = await get(analystA, labelled);
    expect(res.statusCode).toBe(200);
    const { mention, explanation } = res.json<Detail>();
    expect(mention.labels.length).toBeGreaterThan(0);
    expect(explanation?.model).toBe(getClassifier().version);
    expect(explanation?.labels.map((l) => l.label)).toEqual(mention.labels);
    for (const { label, ngrams } of explanation!.labels) {
      const [name, cls] = label.split(':') as [Label, string | undefined];
      expect(ngrams).toEqual(explainLabel(mention.text, name, 5, cls));
      expect(ngrams.length).toBeGreaterThan(0);
      expect(ngrams.every((n, i) => n.weight > 0 && (i === 0 || n.weight <= ngrams[i - 1]!.weight))).toBe(true);
    }
  });

  it('has nothing to explain for a mention without labels', async () => {
    expect((await get(analystA, unlabelled)).json<Detail>().explanation).toBeNull();
  });

  it('explains only to a reader the route lets read the mention', async () => {
    // Out of scope: the mention does not exist for them, and neither does its explanation.
    const other = await get(officerB, labelled);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('ngram');
    // The agency never reads monitoring data.
    const agency = await get(editorA, labelled);
    expect(agency.statusCode).toBe(403);
    expect(agency.body).not.toContain('ngram');
  });
});
