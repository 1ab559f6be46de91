import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUser, signIn } from '../../test-support/factories.js';
import { encodeModel, modelVersion, readModelFile } from '../classify/model-file.js';
import { defaultModelPath, getClassifier } from '../classify/load.js';
import { REPORT_FILE } from '../train/train.js';

/** The folders `candidateModel` made, removed after the tests. */
const made: string[] = [];

/** A second, different model: the shipped one with one bias moved, re-versioned, with a report beside it. */
function candidateModel(): { path: string; version: string } {
  const shipped = readModelFile(defaultModelPath());
  const { version: _old, ...rest } = shipped.header;
  const header = { ...rest, biases: rest.biases.map((b, i) => (i === 0 ? b + 0.25 : b)) };
  const version = modelVersion(header, shipped.weights);
  const dir = mkdtempSync(join(tmpdir(), 'chhavi-model-'));
  made.push(dir);
  const path = join(dir, 'chhavi-nlp.bin.gz');
  writeFileSync(path, encodeModel({ header: { ...header, version }, weights: shipped.weights }, 1));
  copyFileSync(join(defaultModelPath(), '..', REPORT_FILE), join(dir, REPORT_FILE));
  return { path, version };
}

describe('text model registry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.ctx.models.ensureShipped();
  });
  afterAll(async () => {
    await t.close();
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('registers the shipped model once and makes it active', async () => {
    await t.ctx.models.ensureShipped();
    const models = await t.ctx.models.list();
    expect(models).toHaveLength(1);
    expect(models[0]!.active).toBe(true);
    expect(models[0]!.version).toBe(readModelFile(defaultModelPath()).header.version);
  });

  // Writes and loads two 16 MB models: slow on a loaded machine.
  it('lets an admin activate a registered model, audited with the figures before and after', { timeout: 180_000 }, async () => {
    const before = getClassifier().version;
    const candidate = candidateModel();
    await t.ctx.models.register({ system: true, label: 'cli' }, candidate.path);
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const analyst = await makeUser(t.ctx, { role: 'analyst', allUnits: true });

    const asAnalyst = await signIn(t.app, analyst.username, analyst.password);
    const list = await t.app.inject({ url: '/api/v1/nlp/models', headers: asAnalyst.headers() });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ models: { version: string; summary: { labels: unknown[] } }[] }>().models.map((m) => m.version)).toContain(candidate.version);
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/nlp/models/${candidate.version}/activate`, headers: asAnalyst.headers() });
    expect(refused.statusCode).toBe(403);

    const asAdmin = await signIn(t.app, admin.username, admin.password);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/nlp/models/${candidate.version}/activate`, headers: asAdmin.headers() });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ model: { active: boolean } }>().model.active).toBe(true);
    expect(getClassifier().version).toBe(candidate.version);
    const active = (await t.ctx.models.list()).filter((m) => m.active);
    expect(active.map((m) => m.version)).toEqual([candidate.version]);

    const { entries } = await t.ctx.audit.list({ action: 'nlp.model_activated', scope: null });
    expect(entries[0]!.details).toMatchObject({ before: { version: before }, after: { version: candidate.version } });
    expect((entries[0]!.details.after as { labels: unknown[] }).labels.length).toBeGreaterThan(5);

    // Put the shipped model back for the rest of this process.
    await t.ctx.models.activate({ userId: admin.id, username: admin.username, displayName: 'a', role: 'admin', units: 'all', via: 'session' }, before);
    expect(getClassifier().version).toBe(before);
  });

  it('refuses an unknown model', async () => {
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const s = await signIn(t.app, admin.username, admin.password);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/nlp/models/no-such-model/activate', headers: s.headers() });
    expect(res.statusCode).toBe(404);
  });
});
