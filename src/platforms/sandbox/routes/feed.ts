import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { SANDBOX_POLICY } from './sandbox-auth.js';
import { FeedPage, SandboxFeedComment, SandboxPost } from './schemas.js';

export function sandboxFeedRoute(app: App, ctx: AppContext): void {
  app.get(
    '/sandbox/v1/feed',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Sandbox: the public feed of every account, oldest first after a cursor',
        querystring: FeedPage,
        response: { 200: Type.Object({ posts: Type.Array(SandboxPost), cursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
      config: { policy: SANDBOX_POLICY },
    },
    async (req) => ctx.sandbox.feed(req.query.cursor ?? null, req.query.limit ?? 100),
  );
}

export function sandboxCommentsFeedRoute(app: App, ctx: AppContext): void {
  app.get(
    '/sandbox/v1/comments',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Sandbox: every comment on a post still up, oldest first after a cursor (replies are public, as on the platforms it stands for)',
        querystring: FeedPage,
        response: { 200: Type.Object({ comments: Type.Array(SandboxFeedComment), cursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
      config: { policy: SANDBOX_POLICY },
    },
    async (req) => ctx.sandbox.commentsFeed(req.query.cursor ?? null, req.query.limit ?? 100),
  );
}
