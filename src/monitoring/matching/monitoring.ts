import type { AuditLog } from '../../audit/audit-log.js';
import type { Database, Queryable } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import type { Keyring } from '../../secrets/keyring.js';
import type { MentionMatcher } from '../mentions/ingest.js';
import { PrivacyService } from '../retention/privacy-service.js';
import { Pseudonymiser } from '../retention/pseudonymiser.js';
import { RetentionService } from '../retention/retention-service.js';
import { SearchKeysService } from '../search/search-keys-service.js';
import { StreamService } from '../stream/stream-service.js';
import { WatchService } from '../watches/watch-service.js';
import { MentionMatching, type WatchMatch } from './mention-matching.js';

/**
 * The monitoring services other than ingestion, as `ctx.monitoring`. The pipeline prepares each
 * batch with `activeWatches()` and calls `afterWrite` inside each batch's write transaction.
 */
export interface Monitoring extends MentionMatcher {
  matchAndAlert(tx: Queryable | undefined, mentionIds: string[]): Promise<{ matches: WatchMatch[] }>;
  matching: MentionMatching;
  watches: WatchService;
  stream: StreamService;
  privacy: PrivacyService;
  retention: RetentionService;
  /** Search keys for mentions stored before them, and the fuzzy-search dictionary's upkeep. */
  search: SearchKeysService;
}

export function createMonitoring(deps: { db: Database; audit: AuditLog; keyring: Keyring; logger?: Logger }): Monitoring {
  const pseudonymiser = new Pseudonymiser(deps.keyring);
  const matching = new MentionMatching(deps.db, pseudonymiser, deps.logger);
  const search = new SearchKeysService(deps.db, deps.logger);
  return {
    matching,
    matchAndAlert: (tx, ids) => matching.matchAndAlert(tx, ids),
    activeWatches: () => matching.activeWatches(),
    afterWrite: (tx, written) => matching.afterWrite(tx, written),
    watches: new WatchService(deps.db, deps.audit, () => matching.invalidate()),
    stream: new StreamService(deps.db, deps.audit),
    privacy: new PrivacyService(deps.db, deps.audit, pseudonymiser),
    retention: new RetentionService(deps.db, deps.audit, pseudonymiser, search),
    search,
  };
}
