import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { sandboxCreateCommentRoute } from './comments-create.js';
import { sandboxListCommentsRoute } from './comments-list.js';
import { sandboxEngagementRoute } from './engagement-add.js';
import { sandboxClearFaultsRoute } from './faults-clear.js';
import { sandboxSetFaultRoute } from './faults-set.js';
import { sandboxCommentsFeedRoute, sandboxFeedRoute } from './feed.js';
import { sandboxLikeRoute } from './likes-create.js';
import { sandboxPostByKeyRoute } from './posts-by-key.js';
import { sandboxCreatePostRoute } from './posts-create.js';
import { sandboxDeletePostRoute } from './posts-delete.js';
import { sandboxGetPostRoute } from './posts-get.js';
import { sandboxPostMetricsRoute } from './posts-metrics.js';

/** The Sandbox platform's own API under /sandbox/v1 (outside Chhavi's /api/v1). */
export function registerSandboxRoutes(app: App, ctx: AppContext): void {
  for (const route of [
    sandboxCreatePostRoute,
    sandboxPostByKeyRoute,
    sandboxGetPostRoute,
    sandboxDeletePostRoute,
    sandboxPostMetricsRoute,
    sandboxListCommentsRoute,
    sandboxCreateCommentRoute,
    sandboxLikeRoute,
    sandboxEngagementRoute,
    sandboxFeedRoute,
    sandboxCommentsFeedRoute,
    sandboxSetFaultRoute,
    sandboxClearFaultsRoute,
  ]) {
    route(app, ctx);
  }
}
