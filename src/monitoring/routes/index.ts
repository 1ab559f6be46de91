import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { listMentionLabelsRoute } from './mention-labels-list.js';
import { setMentionLabelsRoute } from './mention-labels-set.js';
import { getMentionRoute } from './mentions-get.js';
import { importMentionsRoute } from './mentions-import.js';
import { listMentionsRoute } from './mentions-list.js';
import { pollMentionsRoute } from './mentions-poll.js';
import { getPrivacyRoute } from './privacy-get.js';
import { setPrivacyRoute } from './privacy-set.js';
import { createSourceRoute } from './sources-create.js';
import { sourceHealthRoute } from './sources-health.js';
import { updateSourceRoute } from './sources-update.js';
import { summaryRoute } from './summary.js';
import { createWatchRoute } from './watches-create.js';
import { expireWatchRoute } from './watches-expire.js';
import { getWatchRoute } from './watches-get.js';
import { listWatchesRoute } from './watches-list.js';
import { testWatchRoute } from './watches-test.js';
import { updateWatchRoute } from './watches-update.js';

/** Monitoring for the UI under /api/v1/monitoring: watches, the stream, mention detail and analysts' labels, sources and imports, summary, privacy. */
export function registerMonitoringRoutes(api: App, ctx: AppContext): void {
  for (const route of [
    listWatchesRoute,
    getWatchRoute,
    createWatchRoute,
    updateWatchRoute,
    expireWatchRoute,
    testWatchRoute,
    listMentionsRoute,
    pollMentionsRoute,
    getMentionRoute,
    listMentionLabelsRoute,
    setMentionLabelsRoute,
    sourceHealthRoute,
    createSourceRoute,
    updateSourceRoute,
    importMentionsRoute,
    summaryRoute,
    getPrivacyRoute,
    setPrivacyRoute,
  ]) {
    route(api, ctx);
  }
}
