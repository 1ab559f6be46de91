import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Actor, SystemActor } from '../../auth/actor.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Database } from '../../db/database.js';
import { checkIncoming, type IncomingMention } from '../mentions/incoming.js';
import { getCursor, markRun, recordSuccess, saveCursor } from './source-repository.js';
import type { SourceService } from './source-service.js';

export type ImportFormat = 'csv' | 'jsonl';

export interface ImportRow {
  line: number;
  item?: IncomingMention;
  error?: string;
}

/** Column and key names an import accepts for each field (camelCase, snake_case, short forms). */
const ALIASES: Record<string, keyof IncomingMention> = {
  platform: 'platform',
  externalid: 'externalId',
  external_id: 'externalId',
  id: 'externalId',
  url: 'url',
  author: 'authorHandle',
  authorhandle: 'authorHandle',
  author_handle: 'authorHandle',
  handle: 'authorHandle',
  authorname: 'authorName',
  author_name: 'authorName',
  authorid: 'authorId',
  author_id: 'authorId',
  text: 'text',
  lang: 'lang',
  createdat: 'createdAt',
  created_at: 'createdAt',
  replyto: 'replyTo',
  reply_to: 'replyTo',
  quoteof: 'quoteOf',
  quote_of: 'quoteOf',
  shareof: 'shareOf',
  share_of: 'shareOf',
  media: 'media',
  engagement: 'engagement',
  deleted: 'deleted',
  raw: 'raw',
};

export interface ImportDefaults {
  platform: string;
  sourceId: string | null;
  unitIds: string[];
  /** Time given to rows without one. */
  now: string;
}

/**
 * One imported record as an incoming mention. A row without an id gets one derived from what it
 * says of itself: platform, author, text, and its time and address when it has them (not the
 * import's time), so importing the same file twice stores nothing the second time, while the
 * same text posted again by the same account at another time (a rumour pushed over and over)
 * stays one mention a post.
 */
export function recordToIncoming(record: Record<string, unknown>, d: ImportDefaults): { ok: true; value: IncomingMention } | { ok: false; message: string } {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const key = ALIASES[k.toLowerCase()];
    if (key && v !== '' && v !== undefined) o[key] = v;
  }
  for (const k of ['media', 'engagement', 'raw'] as const) {
    if (typeof o[k] === 'string') {
      try {
        o[k] = JSON.parse(o[k]);
      } catch {
        return { ok: false, message: `${k} is not valid JSON` };
      }
    }
  }
  if (typeof o.deleted === 'string') o.deleted = /^(true|1|yes)$/i.test(o.deleted);
  if (typeof o.engagement === 'object' && o.engagement !== null) {
    for (const [k, v] of Object.entries(o.engagement)) if (typeof v === 'string' && /^\d+$/.test(v)) (o.engagement as Record<string, unknown>)[k] = Number(v);
  }
  o.platform ??= d.platform;
  if (typeof o.text !== 'string') return { ok: false, message: 'text is missing' };
  if (o.externalId === undefined) {
    const own = (v: unknown) => (typeof v === 'string' ? v : '');
    const parts = [String(o.platform), own(o.authorHandle), o.text];
    // Rows with neither keep the id they had before time and address counted.
    if (own(o.createdAt) || own(o.url)) parts.push(own(o.createdAt), own(o.url));
    o.externalId = `import-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}`;
  } else if (typeof o.externalId === 'number') o.externalId = String(o.externalId);
  o.createdAt ??= d.now;
  o.raw ??= record;
  o.sourceId = d.sourceId;
  o.unitIds = d.unitIds;
  const r = checkIncoming(o);
  return r.ok ? r : { ok: false, message: r.field ? `${r.field}: ${r.message}` : r.message };
}

/** JSON lines: one object per line; blank lines are skipped. */
export function readJsonLines(text: string, d: ImportDefaults): ImportRow[] {
  const out: ImportRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (!raw.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      out.push({ line: i + 1, error: 'not valid JSON' });
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      out.push({ line: i + 1, error: 'not a JSON object' });
      continue;
    }
    const r = recordToIncoming(parsed as Record<string, unknown>, d);
    out.push(r.ok ? { line: i + 1, item: r.value } : { line: i + 1, error: r.message });
  }
  return out;
}

/** RFC 4180 CSV with a header row; quoted fields may hold commas, quotes and line breaks. */
export function readCsv(text: string, d: ImportDefaults): ImportRow[] {
  const rows = splitCsv(text.replace(/^\uFEFF/, ''));
  const header = rows.shift();
  if (!header) return [];
  const names = header.fields.map((h) => h.trim());
  const out: ImportRow[] = [];
  for (const r of rows) {
    if (r.fields.length === 1 && r.fields[0] === '') continue;
    if (r.fields.length !== names.length) {
      out.push({ line: r.line, error: `expected ${names.length} fields, found ${r.fields.length}` });
      continue;
    }
    const record: Record<string, string> = {};
    names.forEach((n, i) => (record[n] = r.fields[i]!));
    const m = recordToIncoming(record, d);
    out.push(m.ok ? { line: r.line, item: m.value } : { line: r.line, error: m.message });
  }
  return out;
}

function splitCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    rows.push({ line: start, fields });
  }
  return rows;
}

export interface ImportOptions {
  format?: ImportFormat;
  platform?: string;
  unitIds?: string[];
  /** Items per batch handed to the pipeline. */
  batchSize?: number;
  /** Batches in flight at once. */
  window?: number;
  /** Start from the first line even if an earlier run of this file stopped part-way. */
  restart?: boolean;
}

export interface ImportReport {
  file: string;
  format: ImportFormat;
  sourceId: string;
  /** Rows read from the file (good and bad). */
  rows: number;
  /** Good rows handed to the pipeline in this run. */
  accepted: number;
  /** Line after which this run started (an earlier run committed everything up to it). */
  resumedAfterLine: number;
  rejected: { line: number; message: string }[];
}

export interface ImportDeps {
  db: Database;
  audit: AuditLog;
  sources: SourceService;
  publish(items: readonly IncomingMention[]): Promise<void>;
}

export function formatOf(file: string, given?: ImportFormat): ImportFormat {
  if (given) return given;
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  throw new Error(`cannot tell the format of ${basename(file)}: use --format csv or --format jsonl`);
}

/**
 * Imports a CSV or JSON-lines file of mentions: bad rows are reported by line and skipped, good
 * rows go through the pipeline in batches. The file is a source whose cursor is the last line
 * committed, so a run that was killed resumes where it stopped; the unique key makes any overlap
 * store nothing. The run is audited.
 */
export async function importMentionsFile(deps: ImportDeps, file: string, actor: Actor | SystemActor, opts: ImportOptions = {}): Promise<ImportReport> {
  return importMentionsText(deps, { name: basename(file), text: readFileSync(file, 'utf8') }, actor, { ...opts, format: formatOf(file, opts.format) });
}

/**
 * The same import from text already in memory (an upload): `name` is the file's name as given,
 * `opts.format` is required. The import source is named by the name and the text's digest, so the
 * same file sent again resumes (or, finished, stores nothing).
 */
export async function importMentionsText(
  deps: ImportDeps,
  upload: { name: string; text: string },
  actor: Actor | SystemActor,
  opts: ImportOptions & { format: ImportFormat },
): Promise<ImportReport> {
  const { format } = opts;
  const { text } = upload;
  const name = basename(upload.name.replace(/\\/g, '/')).slice(0, 150) || 'upload';
  const digest = createHash('sha256').update(text).digest('hex');
  const source = await deps.sources.ensure(actor, { kind: 'import', name: `${name} ${digest.slice(0, 16)}`, unitIds: opts.unitIds ?? [], config: { file: name, sha256: digest, format } });
  const defaults: ImportDefaults = { platform: opts.platform ?? 'import', sourceId: source.id, unitIds: opts.unitIds ?? [], now: new Date().toISOString() };
  const rows = format === 'csv' ? readCsv(text, defaults) : readJsonLines(text, defaults);
  const resumedAfterLine = opts.restart ? 0 : Number((await getCursor(deps.db, source.id)) ?? 0);
  const rejected = rows.filter((r) => r.error !== undefined).map((r) => ({ line: r.line, message: r.error! }));
  const todo = rows.filter((r) => r.item !== undefined && r.line > resumedAfterLine);

  const batchSize = opts.batchSize ?? 1000;
  const window = opts.window ?? 4;
  const batches: { lastLine: number; items: IncomingMention[] }[] = [];
  for (let i = 0; i < todo.length; i += batchSize) {
    const slice = todo.slice(i, i + batchSize);
    batches.push({ lastLine: slice[slice.length - 1]!.line, items: slice.map((r) => r.item!) });
  }
  // Batches run `window` at a time; the cursor moves only over a prefix of finished batches.
  const done = new Array<boolean>(batches.length).fill(false);
  let committed = 0;
  let cursorWrite: Promise<void> = Promise.resolve();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const i = next++;
      await deps.publish(batches[i]!.items);
      done[i] = true;
      let advanced = false;
      while (committed < batches.length && done[committed]) {
        committed++;
        advanced = true;
      }
      if (advanced) {
        const line = batches[committed - 1]!.lastLine;
        cursorWrite = cursorWrite.then(() => saveCursor(deps.db, source.id, String(line)));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, batches.length) }, () => worker()));
  await cursorWrite;
  const lastLine = rows.length ? rows[rows.length - 1]!.line : 0;
  if (lastLine > resumedAfterLine) await saveCursor(deps.db, source.id, String(lastLine));

  // The import's health on the sources page: when it last ran and the items it brought.
  await markRun(deps.db, source.id);
  await recordSuccess(deps.db, source.id, todo.length, null);

  const report: ImportReport = { file: name, format, sourceId: source.id, rows: rows.length, accepted: todo.length, resumedAfterLine, rejected };
  await deps.db.transaction(async (tx) => {
    await deps.audit.record(tx, {
      actor,
      action: 'mentions.imported',
      targetType: 'source',
      targetId: source.id,
      details: { file: report.file, sha256: digest, format, rows: report.rows, accepted: report.accepted, rejected: rejected.length, resumedAfterLine },
    });
  });
  return report;
}
