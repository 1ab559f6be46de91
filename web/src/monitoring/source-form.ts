import type { ImportFormat, NewSource, NewSourceKind, SourceHealth, SourcePatch } from '../api/monitoring.js';

/** Bounds the server holds (src/monitoring/sources/source-rules.ts); checked here only to answer sooner. */
export const POLL_SECONDS_MIN = 5;
export const POLL_SECONDS_MAX = 86_400;
export const SOURCE_NAME_MAX = 200;
export const SOURCE_URL_MAX = 2000;
/** The server's upload limit (src/monitoring/routes/mentions-import.ts). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export interface SourceForm {
  kind: NewSourceKind;
  name: string;
  url: string;
  pollSeconds: string;
  platform: string;
  unitIds: string[];
}

export type SourceField = 'name' | 'url' | 'pollSeconds' | 'platform' | 'unitIds';
/** Field → translation key of the problem. */
export type SourceFormErrors = Partial<Record<SourceField, string>>;

export function emptySourceForm(kind: NewSourceKind = 'rss'): SourceForm {
  return { kind, name: '', url: '', pollSeconds: '300', platform: 'webhook', unitIds: [] };
}

export function sourceToForm(s: SourceHealth): SourceForm {
  return { kind: s.kind as NewSourceKind, name: s.name, url: s.url ?? '', pollSeconds: s.pollSeconds === null ? '' : String(s.pollSeconds), platform: 'webhook', unitIds: [...s.unitIds] };
}

/** Whether a kind is polled on a schedule (and so has an interval) and has an address. */
export const isPolled = (kind: string) => kind === 'rss' || kind === 'sandbox';

/** An http(s) address without a user name or password, as the server requires. */
export function urlProblem(value: string, required: boolean): string | null {
  const text = value.trim();
  if (!text) return required ? 'monitoring.sourceForm.errors.urlRequired' : null;
  if (text.length > SOURCE_URL_MAX) return 'monitoring.sourceForm.errors.urlInvalid';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'monitoring.sourceForm.errors.urlInvalid';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'monitoring.sourceForm.errors.urlScheme';
  if (url.username || url.password) return 'monitoring.sourceForm.errors.urlCredentials';
  return null;
}

export function validateSourceForm(form: SourceForm, opts: { creating: boolean; scoped: boolean }): SourceFormErrors {
  const errors: SourceFormErrors = {};
  if (!form.name.trim()) errors.name = 'monitoring.sourceForm.errors.nameRequired';
  else if (form.name.trim().length > SOURCE_NAME_MAX) errors.name = 'monitoring.sourceForm.errors.nameTooLong';
  if (isPolled(form.kind)) {
    const url = urlProblem(form.url, form.kind === 'rss');
    if (url) errors.url = url;
    const n = Number(form.pollSeconds);
    if (!/^\d+$/.test(form.pollSeconds.trim()) || n < POLL_SECONDS_MIN || n > POLL_SECONDS_MAX) errors.pollSeconds = 'monitoring.sourceForm.errors.pollSeconds';
  }
  if (opts.creating && form.kind === 'webhook' && !/^[a-z][a-z0-9_]{0,31}$/.test(form.platform.trim())) errors.platform = 'monitoring.sourceForm.errors.platform';
  if (opts.creating && opts.scoped && form.unitIds.length === 0) errors.unitIds = 'monitoring.sourceForm.errors.unitsRequired';
  return errors;
}

export function formToNewSource(form: SourceForm): NewSource {
  const body: NewSource = { kind: form.kind, name: form.name.trim(), unitIds: [...form.unitIds].sort() };
  if (isPolled(form.kind)) {
    body.pollSeconds = Number(form.pollSeconds);
    if (form.url.trim()) body.url = form.url.trim();
  }
  if (form.kind === 'webhook') body.platform = form.platform.trim();
  return body;
}

/** Only what changed; an emptied Sandbox address goes back to this server's. */
export function formToSourcePatch(source: SourceHealth, form: SourceForm): SourcePatch {
  const patch: SourcePatch = {};
  if (form.name.trim() !== source.name) patch.name = form.name.trim();
  if (isPolled(source.kind)) {
    const poll = Number(form.pollSeconds);
    if (poll !== source.pollSeconds) patch.pollSeconds = poll;
    const url = form.url.trim();
    if (url !== (source.url ?? '')) patch.url = url === '' ? null : url;
  }
  return patch;
}

/** The full address of a webhook endpoint on this server. */
export function webhookUrl(origin: string, path: string): string {
  return `${origin}/api/v1${path}`;
}

/** The import format of a file, by its name; null when it cannot be told. */
export function importFormatOf(fileName: string): ImportFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  return null;
}
