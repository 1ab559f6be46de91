import { describe, expect, it } from 'vitest';
import type { SourceHealth } from '../api/monitoring.js';
import { emptySourceForm, formToNewSource, formToSourcePatch, importFormatOf, sourceToForm, urlProblem, validateSourceForm, webhookUrl } from './source-form.js';

const rss: SourceHealth = {
  id: 's1',
  kind: 'rss',
  name: 'City feed',
  unitIds: ['north'],
  enabled: true,
  pollSeconds: 300,
  lastRunAt: null,
  lastSuccessAt: null,
  lastErrorAt: null,
  lastError: null,
  consecutiveFailures: 0,
  retryAt: null,
  lastItemAt: null,
  lagSeconds: null,
  itemsTotal: 0,
  state: 'idle',
  url: 'https://example.org/feed.xml',
  webhookPath: null,
  abilities: { manage: true },
};

describe('source form', () => {
  it('takes http(s) addresses only, without credentials', () => {
    expect(urlProblem('https://example.org/rss', true)).toBeNull();
    expect(urlProblem('', true)).toBe('monitoring.sourceForm.errors.urlRequired');
    expect(urlProblem('', false)).toBeNull();
    expect(urlProblem('example.org', true)).toBe('monitoring.sourceForm.errors.urlInvalid');
    expect(urlProblem('ftp://example.org/rss', true)).toBe('monitoring.sourceForm.errors.urlScheme');
    expect(urlProblem('javascript:alert(1)', true)).toBe('monitoring.sourceForm.errors.urlScheme');
    expect(urlProblem('https://me:pw@example.org/rss', true)).toBe('monitoring.sourceForm.errors.urlCredentials');
  });

  it('names each problem by field', () => {
    const form = { ...emptySourceForm('rss'), pollSeconds: '1' };
    expect(validateSourceForm(form, { creating: true, scoped: true })).toEqual({
      name: 'monitoring.sourceForm.errors.nameRequired',
      url: 'monitoring.sourceForm.errors.urlRequired',
      pollSeconds: 'monitoring.sourceForm.errors.pollSeconds',
      unitIds: 'monitoring.sourceForm.errors.unitsRequired',
    });
    expect(validateSourceForm({ ...emptySourceForm('webhook'), name: 'Desk', platform: 'Bad Name' }, { creating: true, scoped: false })).toEqual({ platform: 'monitoring.sourceForm.errors.platform' });
    expect(validateSourceForm({ ...emptySourceForm('sandbox'), name: 'Sandbox' }, { creating: true, scoped: false })).toEqual({});
  });

  it('builds the create body for each kind', () => {
    expect(formToNewSource({ ...emptySourceForm('rss'), name: ' Feed ', url: ' https://example.org/f ', pollSeconds: '60', unitIds: ['b', 'a'] })).toEqual({
      kind: 'rss',
      name: 'Feed',
      url: 'https://example.org/f',
      pollSeconds: 60,
      unitIds: ['a', 'b'],
    });
    expect(formToNewSource({ ...emptySourceForm('webhook'), name: 'Desk', platform: 'partner' })).toEqual({ kind: 'webhook', name: 'Desk', platform: 'partner', unitIds: [] });
    expect(formToNewSource({ ...emptySourceForm('sandbox'), name: 'Sandbox', pollSeconds: '30' })).toEqual({ kind: 'sandbox', name: 'Sandbox', pollSeconds: 30, unitIds: [] });
  });

  it('sends only what changed', () => {
    const form = sourceToForm(rss);
    expect(formToSourcePatch(rss, form)).toEqual({});
    expect(formToSourcePatch(rss, { ...form, name: 'Renamed', pollSeconds: '600', url: 'https://example.org/other' })).toEqual({ name: 'Renamed', pollSeconds: 600, url: 'https://example.org/other' });
    const sandbox = { ...rss, kind: 'sandbox' };
    expect(formToSourcePatch(sandbox, { ...sourceToForm(sandbox), url: '' })).toEqual({ url: null });
  });

  it('tells the import format by the file name, and writes the webhook address', () => {
    expect(importFormatOf('november.CSV')).toBe('csv');
    expect(importFormatOf('lines.jsonl')).toBe('jsonl');
    expect(importFormatOf('lines.ndjson')).toBe('jsonl');
    expect(importFormatOf('notes.txt')).toBeNull();
    expect(webhookUrl('https://chhavi.example', '/monitoring/webhooks/abc')).toBe('https://chhavi.example/api/v1/monitoring/webhooks/abc');
  });
});
