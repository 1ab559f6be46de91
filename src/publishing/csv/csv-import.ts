import { unitFilter, type Actor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { PostService } from '../posts/post-service.js';
import type { VariantInput } from '../posts/post-types.js';
import { isTimeZone, readScheduledAt } from '../scheduler/zoned-time.js';
import { CsvSyntaxError, parseCsv } from './csv-format.js';

/**
 * Bulk import of scheduled posts from CSV. The first line names the columns:
 *
 *   account       (required) the account handle; several handles separated by `|` make one post
 *                 with one variant per account (all of one unit); `platform:handle` when a
 *                 handle exists on more than one platform
 *   scheduled_at  (required) `YYYY-MM-DDTHH:mm` in time_zone, or an ISO time with its offset
 *   time_zone     IANA zone of scheduled_at (default the force's zone)
 *   text          (required) the post text, Hindi and/or English
 *   link, hashtags (separated by spaces or commas, `#` optional), campaign, title (YouTube)
 *
 * Every row is checked — the accounts (in the importer's units, active), the time (real in its
 * zone, in the future) and the text against each platform's limits — and each problem is
 * reported with its line. Nothing is imported while any row is bad, unless the importer accepts
 * the good rows. Imported posts are drafts of the importer submitted to their approval chain.
 */

export const CSV_COLUMNS = ['account', 'scheduled_at', 'time_zone', 'text', 'link', 'hashtags', 'campaign', 'title'] as const;
const REQUIRED = ['account', 'scheduled_at', 'text'] as const;
export const CSV_MAX_ROWS = 2_000;

export interface CsvRowError {
  line: number;
  column: string | null;
  message: string;
}

export interface CsvImportResult {
  rows: number;
  imported: { line: number; postId: string }[];
  errors: CsvRowError[];
}

interface GoodRow {
  line: number;
  unitId: string;
  scheduledAt: string;
  timeZone: string;
  campaign: string | null;
  variants: VariantInput[];
}

/** Which column a composer field name (`variants[0].text`) came from. */
function columnOf(field: string): string | null {
  const f = field.replace(/^variants\[\d+\]\./, '').replace(/\[\d+\]$/, '');
  if (f === 'text' || f === 'link' || f === 'hashtags' || f === 'title' || f === 'campaign') return f;
  if (f === 'accountId') return 'account';
  if (f === 'scheduledAt') return 'scheduled_at';
  if (f === 'timeZone') return 'time_zone';
  return null;
}

export async function importScheduledPosts(
  deps: { db: Database; posts: PostService; defaultTimeZone: string },
  actor: Actor,
  csv: string,
  opts: { acceptGoodRows: boolean },
): Promise<CsvImportResult> {
  let records;
  try {
    records = parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new AppError('validation_failed', err.message, { errors: [{ line: err.line, column: null, message: err.message }] });
    throw err;
  }
  const header = records.shift();
  if (!header) throw new AppError('validation_failed', 'the file is empty; the first line names the columns', { errors: [{ line: 1, column: null, message: 'empty file' }] });
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (unknown.length || missing.length) {
    const message = [unknown.length ? `unknown columns: ${unknown.join(', ')}` : '', missing.length ? `missing columns: ${missing.join(', ')}` : ''].filter(Boolean).join('; ');
    throw new AppError('validation_failed', `line 1: ${message} (columns: ${CSV_COLUMNS.join(', ')})`, { errors: [{ line: 1, column: null, message }] });
  }
  if (records.length === 0) throw new AppError('validation_failed', 'the file has no rows after the header', { errors: [{ line: 2, column: null, message: 'no rows' }] });
  if (records.length > CSV_MAX_ROWS) throw new AppError('validation_failed', `at most ${CSV_MAX_ROWS} rows per file`, { errors: [{ line: 1, column: null, message: `more than ${CSV_MAX_ROWS} rows` }] });

  const accounts = await deps.db.query<{ id: string; unitId: string; platform: string; handle: string; active: boolean }>(
    `SELECT id, unit_id AS "unitId", platform, handle, active FROM social_accounts WHERE ($1::text[] IS NULL OR unit_id = ANY($1::text[]))`,
    [unitFilter(actor) === null ? null : [...unitFilter(actor)!]],
  );

  const errors: CsvRowError[] = [];
  const good: GoodRow[] = [];
  for (const rec of records) {
    const row: Record<string, string> = {};
    names.forEach((n, i) => (row[n] = (rec.fields[i] ?? '').trim()));
    const rowErrors: CsvRowError[] = [];
    const fail = (column: string | null, message: string) => rowErrors.push({ line: rec.line, column, message });
    if (rec.fields.length !== names.length) fail(null, `${rec.fields.length} fields; the header has ${names.length}`);
    for (const r of REQUIRED) if (!row[r]) fail(r, `${r} is empty`);

    const targets: { id: string; unitId: string }[] = [];
    for (const ref of (row.account ?? '').split('|').map((s) => s.trim()).filter(Boolean)) {
      const [platform, handle] = ref.includes(':') ? (ref.split(':', 2) as [string, string]) : [null, ref];
      const found = accounts.filter((a) => a.handle.toLowerCase() === handle.replace(/^@/, '').toLowerCase() && (platform === null || a.platform === platform));
      if (found.length === 0) fail('account', `no account "${ref}" in your units`);
      else if (found.length > 1) fail('account', `"${ref}" is on several platforms; write platform:handle (${found.map((a) => `${a.platform}:${a.handle}`).join(', ')})`);
      else if (!found[0]!.active) fail('account', `the account "${ref}" is deactivated`);
      else targets.push(found[0]!);
    }
    const units = new Set(targets.map((t) => t.unitId));
    if (units.size > 1) fail('account', 'the accounts of one row must belong to one unit');

    const timeZone = row.time_zone || deps.defaultTimeZone;
    let at: Date | null = null;
    if (!isTimeZone(timeZone)) fail('time_zone', `"${timeZone}" is not a known IANA time zone`);
    else if (row.scheduled_at) {
      const read = readScheduledAt(row.scheduled_at, timeZone);
      if ('refused' in read) fail('scheduled_at', read.refused.message);
      else {
        at = read.at;
        if (at.getTime() <= Date.now()) fail('scheduled_at', `${row.scheduled_at} (${timeZone}) is in the past`);
      }
    }

    const hashtags = (row.hashtags ?? '').split(/[\s,]+/).map((h) => h.replace(/^#+/, '')).filter(Boolean);
    const variants: VariantInput[] = targets.map((t) => ({
      accountId: t.id,
      text: row.text ?? '',
      link: row.link || null,
      hashtags,
      title: row.title || null,
    }));
    if (rowErrors.length === 0 && targets.length) {
      try {
        const issues = await deps.posts.check(actor, targets[0]!.unitId, variants);
        for (const issue of issues) fail(columnOf(issue.field), issue.message);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const field = typeof err.details?.field === 'string' ? err.details.field : '';
        fail(columnOf(field), err.message);
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else good.push({ line: rec.line, unitId: targets[0]!.unitId, scheduledAt: at!.toISOString(), timeZone, campaign: row.campaign || null, variants });
  }

  const result: CsvImportResult = { rows: records.length, imported: [], errors };
  if (errors.length && !opts.acceptGoodRows) {
    const bad = new Set(errors.map((e) => e.line)).size;
    throw new AppError('validation_failed', `${bad} of ${records.length} rows have errors (first: line ${errors[0]!.line}: ${errors[0]!.message}); nothing was imported. Fix them, or import the good rows with acceptGoodRows=true`, {
      rows: records.length,
      errors,
    });
  }
  for (const g of good) {
    try {
      const post = await deps.posts.create(actor, { unitId: g.unitId, campaign: g.campaign, scheduledAt: g.scheduledAt, timeZone: g.timeZone, variants: g.variants });
      await deps.posts.submit(actor, post.id);
      result.imported.push({ line: g.line, postId: post.id });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const field = typeof err.details?.field === 'string' ? err.details.field : '';
      result.errors.push({ line: g.line, column: columnOf(field), message: err.message });
    }
  }
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}
