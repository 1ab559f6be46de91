import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Keyring } from '../secrets/keyring.js';
import type { HttpMetrics } from '../http/metrics.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { AuditVerifications } from '../audit/verifications.js';
import type { AuthService } from '../auth/auth-service.js';
import type { UserService } from '../users/user-service.js';
import type { UnitService } from '../units/unit-service.js';
import type { ModelRegistry } from '../nlp/models/model-registry.js';
import type { SandboxNetwork } from '../platforms/sandbox/network/sandbox-network.js';
import type { AccountService } from '../publishing/accounts/account-service.js';
import type { PostService } from '../publishing/posts/post-service.js';
import type { ApprovalService } from '../publishing/approvals/approval-service.js';
import type { MediaService } from '../publishing/media/media-service.js';
import type { TemplateService } from '../publishing/templates/template-service.js';
import type { Delivery } from '../publishing/publisher/delivery.js';
import type { Ingestion } from '../monitoring/pipeline/ingestion.js';
import type { Monitoring } from '../monitoring/matching/monitoring.js';

/**
 * Everything a process holds: configuration, the database, the job queue and the services of each
 * capability. Built once by `createContext`; routes, jobs and the CLI receive it.
 */
export interface AppContext {
  config: Config;
  logger: Logger;
  db: Database;
  jobs: JobQueue;
  keyring: Keyring;
  metrics: HttpMetrics;
  audit: AuditLog;
  auditVerifications: AuditVerifications;
  auth: AuthService;
  users: UserService;
  units: UnitService;
  /** Text models: the registered ones with their reports, and the active one. */
  models: ModelRegistry;
  /** The Sandbox platform's simulated network (served under /sandbox/v1; publishing reaches it over HTTP). */
  sandbox: SandboxNetwork;
  /** Publishing: social accounts with their approval chains (credentials encrypted). */
  socialAccounts: AccountService;
  /** Publishing: the composer (posts and their variants per account). */
  posts: PostService;
  /** Publishing: approval decisions and the approvals inbox. */
  approvals: ApprovalService;
  /** Publishing: the content-addressed media library. */
  media: MediaService;
  /** Publishing: bilingual awareness templates. */
  templates: TemplateService;
  /** Publishing delivery: scheduler, publisher, pauses, calendar, metrics. */
  delivery: Delivery;
  /** Monitoring ingestion: the mention pipeline (in process or NATS JetStream) and its sources. */
  ingestion: Ingestion;
  /** Monitoring: watches, matching after each ingested batch, the stream and mention detail, retention and privacy. */
  monitoring: Monitoring;
}
