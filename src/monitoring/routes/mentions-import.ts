import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/server.js';
import { importMentionsText, type ImportFormat } from '../sources/file-import.js';
import { ImportQuery, ImportReportSchema } from './schemas.js';

/** The largest file an upload may be; bigger files go through `chhavi import mentions FILE`. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const JSONL_TYPES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines', 'application/json-lines']);

/** The format named by the query, else by the Content-Type, else by the file name's extension. */
export function uploadFormat(given: ImportFormat | undefined, contentType: string | undefined, name: string | undefined): ImportFormat {
  if (given) return given;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (JSONL_TYPES.has(type)) return 'jsonl';
  const ext = /\.([A-Za-z0-9]+)$/.exec(name ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  throw new AppError('unsupported_media_type', 'send text/csv or application/x-ndjson, or say format=csv or format=jsonl', { field: 'format' });
}

/**
 * The file is the request body itself, read as UTF-8 text in a plugin of its own so this parser
 * applies to this route only. The import is the one the command line runs (file-import.ts).
 */
export function importMentionsRoute(api: App, ctx: AppContext): void {
  void api.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.post(
      '/monitoring/imports',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['monitoring'],
          summary: `Import mentions from a CSV (header row) or JSON-lines file sent as the request body (at most ${IMPORT_BODY_LIMIT / 1024 / 1024} MiB)`,
          description:
            'Content-Type text/csv or application/x-ndjson (or say format=). Bad rows are reported by line with the reason and skipped; good rows are stored. ' +
            'The same file sent again resumes after the last line an earlier run committed, and the unique key stores nothing twice. Audited (mentions.imported). ' +
            'Errors: 400 validation_failed (empty file, units), 413 payload_too_large, 415 unsupported_media_type (format unknown).',
          querystring: ImportQuery,
          response: { 200: ImportReportSchema },
        },
        config: { policy: { permission: 'mentions.import' } },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        const text = typeof req.body === 'string' ? req.body : '';
        const format = uploadFormat(req.query.format, req.headers['content-type'], req.query.name);
        if (!text.trim()) throw new AppError('validation_failed', 'the file is empty', { field: 'body' });
        const { pipeline, sources } = ctx.ingestion;
        return importMentionsText(
          { db: ctx.db, audit: ctx.audit, sources, publish: (items) => pipeline.publish(items) },
          { name: req.query.name ?? `upload.${format}`, text },
          actor,
          {
            format,
            ...(req.query.platform ? { platform: req.query.platform } : {}),
            ...(req.query.unitId ? { unitIds: [...new Set(req.query.unitId)].sort() } : {}),
            restart: req.query.restart ?? false,
          },
        );
      },
    );
  });
}
