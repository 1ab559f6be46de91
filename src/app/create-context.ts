import type { Config } from '../config/config.js';
import { openDatabase } from '../db/open.js';
import { createLogger, type Logger } from '../log/logger.js';
import { JobQueue } from '../jobs/queue.js';
import { JOB_KINDS } from '../jobs/registry.js';
import { Keyring } from '../secrets/keyring.js';
import { HttpMetrics } from '../http/metrics.js';
import { AuditLog } from '../audit/audit-log.js';
import { AuditVerifications } from '../audit/verifications.js';
import { AuthService } from '../auth/auth-service.js';
import { UserService } from '../users/user-service.js';
import { UnitService } from '../units/unit-service.js';
import { ModelRegistry } from '../nlp/models/model-registry.js';
import type { AppContext } from './context.js';
import { createMonitoring } from '../monitoring/matching/monitoring.js';
import { SandboxNetwork } from '../platforms/sandbox/network/sandbox-network.js';
import { createPublishingCore } from '../publishing/posts/create-publishing-core.js';
import type { Database } from '../db/database.js';
import { createDelivery } from '../publishing/publisher/delivery.js';
import { getConnector } from '../platforms/registry.js';
import { createIngestion } from '../monitoring/pipeline/ingestion.js';

export interface ContextOptions {
  logger?: Logger;
  /** Use this database instead of opening one from the configuration (tests). */
  db?: Database;
  /** Use this key instead of CHHAVI_SECRET_KEY or the data folder's key file (tests). */
  keyring?: Keyring;
}

/** Opens the database and builds every service. Migrations and jobs are started by the caller. */
export async function createContext(config: Config, opts: ContextOptions = {}): Promise<AppContext> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const db = opts.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize }));
  const keyring = opts.keyring ?? (config.secretKey ? Keyring.fromBase64(config.secretKey) : Keyring.forDataDir(config.dataDir));
  const audit = new AuditLog(db);
  const jobs = new JobQueue(db, logger, JOB_KINDS);
  const sandbox = new SandboxNetwork(db, () => config.sandboxUrl);
  const ingestion = createIngestion({ db, logger, audit, keyring, config });
  const monitoring = createMonitoring({ db, audit, keyring, logger });
  ingestion.setMatcher(monitoring);
  return {
    config,
    logger,
    db,
    jobs,
    keyring,
    metrics: new HttpMetrics(),
    audit,
    auditVerifications: new AuditVerifications(db, audit, jobs),
    auth: new AuthService({ db, audit, keyring, config, logger }),
    users: new UserService(db, audit),
    units: new UnitService(db, audit),
    models: new ModelRegistry(db, audit, config.dataDir),
    sandbox,
    ...createPublishingCore({ db, audit, keyring, sandbox, config }),
    ingestion,
    monitoring,
    delivery: createDelivery({ db, audit, jobs, keyring, logger, config, connectorFor: (platform) => getConnector(platform, { sandboxUrl: config.sandboxUrl }) }),
  };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.jobs.stop();
  await ctx.db.close();
}
