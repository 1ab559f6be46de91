import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { calendarListRoute } from './calendar-list.js';
import { csvExportRoute } from './csv-export.js';
import { csvImportRoute } from './csv-import.js';
import { calendarPublishNowRoute } from './calendar-publish-now.js';
import { calendarRescheduleRoute } from './calendar-reschedule.js';
import { publicationMetricsRoute } from './metrics-get.js';
import { endPauseRoute, listPausesRoute, startPauseRoute } from './pause-routes.js';
import { cancelPublicationRoute, markPublicationPublishedRoute, publishPublicationNowRoute, retryPublicationRoute } from './publications-actions.js';
import { getPublicationRoute } from './publications-get.js';
import { listNoticesRoute, readNoticeRoute } from './publications-notices.js';
import { publicationsOfPostRoute } from './publications-of-post.js';
import { createAccountRoute } from './accounts-create.js';
import { getAccountRoute } from './accounts-get.js';
import { listAccountsRoute } from './accounts-list.js';
import { updateAccountRoute } from './accounts-update.js';
import { decideRoutes } from './approvals-decide.js';
import { approvalsInboxRoute } from './approvals-inbox.js';
import { mediaFileRoute } from './media-file.js';
import { getMediaRoute } from './media-get.js';
import { listMediaRoute } from './media-list.js';
import { updateMediaRoute } from './media-update.js';
import { uploadMediaRoute } from './media-upload.js';
import { cancelPostRoute } from './posts-cancel.js';
import { checkPostRoute } from './posts-check.js';
import { createPostRoute } from './posts-create.js';
import { getPostRoute } from './posts-get.js';
import { listPostsRoute } from './posts-list.js';
import { submitPostRoute } from './posts-submit.js';
import { updatePostRoute } from './posts-update.js';
import { createTemplateRoute } from './templates-create.js';
import { getTemplateRoute } from './templates-get.js';
import { listTemplatesRoute } from './templates-list.js';
import { updateTemplateRoute } from './templates-update.js';
import { useTemplateRoute } from './templates-use.js';

/** Every publishing route under /api/v1: accounts, posts, approvals, media, templates, and delivery's. */
export function registerPublishingRoutes(api: App, ctx: AppContext): void {
  // Composing: accounts, posts, approvals, media library, templates.
  for (const route of [
    listAccountsRoute,
    getAccountRoute,
    createAccountRoute,
    updateAccountRoute,
    listPostsRoute,
    checkPostRoute,
    getPostRoute,
    createPostRoute,
    updatePostRoute,
    submitPostRoute,
    cancelPostRoute,
    decideRoutes,
    approvalsInboxRoute,
    uploadMediaRoute,
    listMediaRoute,
    getMediaRoute,
    mediaFileRoute,
    updateMediaRoute,
    listTemplatesRoute,
    getTemplateRoute,
    createTemplateRoute,
    updateTemplateRoute,
    useTemplateRoute,
  ]) {
    route(api, ctx);
  }
  // Delivery: calendar, publications, crisis pause, notices, metrics, CSV.
  for (const route of [
    calendarListRoute,
    calendarRescheduleRoute,
    calendarPublishNowRoute,
    publicationsOfPostRoute,
    getPublicationRoute,
    retryPublicationRoute,
    cancelPublicationRoute,
    publishPublicationNowRoute,
    markPublicationPublishedRoute,
    publicationMetricsRoute,
    listPausesRoute,
    startPauseRoute,
    endPauseRoute,
    listNoticesRoute,
    readNoticeRoute,
    csvImportRoute,
    csvExportRoute,
  ]) {
    route(api, ctx);
  }
}
