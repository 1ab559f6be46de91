import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { CheckPostBody, FieldIssueSchema } from './posts-schemas.js';

export function checkPostRoute(api: App, ctx: AppContext): void {
  api.post(
    '/posts/check',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Validate variants against their platforms’ limits without saving (the composer’s live counters)',
        body: CheckPostBody,
        response: { 200: Type.Object({ issues: Type.Array(FieldIssueSchema) }) },
      },
      config: { policy: { permission: 'posts.write' } },
    },
    async (req) => ({ issues: await ctx.posts.check(requireAuth(req).actor, req.body.unitId, req.body.variants) }),
  );
}
