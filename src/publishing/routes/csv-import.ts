import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { CSV_COLUMNS, importScheduledPosts } from '../csv/csv-import.js';

const CSV_BODY_LIMIT = 5 * 1024 * 1024;

export function csvImportRoute(api: App, ctx: AppContext): void {
  api.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) => done(null, body));
  api.post(
    '/posts/import',
    {
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags: ['publishing'],
        summary: `Import scheduled posts from a CSV body (Content-Type: text/csv; columns ${CSV_COLUMNS.join(', ')}); each post is submitted for approval`,
        description:
          'Every row is validated; errors come back with their line numbers. Nothing is imported while any row is bad (400 with details.errors), unless acceptGoodRows=true imports the good ones.',
        querystring: Type.Object({ acceptGoodRows: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        body: Type.String({ minLength: 1, maxLength: CSV_BODY_LIMIT }),
        response: {
          200: Type.Object({
            rows: Type.Integer(),
            imported: Type.Array(Type.Object({ line: Type.Integer(), postId: Type.String() })),
            errors: Type.Array(Type.Object({ line: Type.Integer(), column: Type.Union([Type.String(), Type.Null()]), message: Type.String() })),
          }),
        },
      },
      config: { policy: { permission: 'publishing.import' } },
    },
    async (req) =>
      importScheduledPosts({ db: ctx.db, posts: ctx.posts, defaultTimeZone: ctx.config.timeZone }, requireAuth(req).actor, req.body, { acceptGoodRows: req.query.acceptGoodRows ?? false }),
  );
}
