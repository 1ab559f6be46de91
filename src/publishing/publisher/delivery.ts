import type { AuditLog } from '../../audit/audit-log.js';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Logger } from '../../log/logger.js';
import type { Connector } from '../../platforms/connector.js';
import type { Platform } from '../../platforms/types.js';
import type { Keyring } from '../../secrets/keyring.js';
import { CalendarService } from '../calendar/calendar-service.js';
import { MetricsService } from '../metrics/metrics-service.js';
import { PauseService } from '../pause/pause-service.js';
import { PublishScheduler, type SchedulerOptions } from '../scheduler/scheduler.js';
import { startReconcilerLoop, type RunningLoop } from '../scheduler/reconciler-loop.js';
import { NoticeService } from './notice-service.js';
import { publishLeaseSeconds } from './options.js';
import { Publisher, type PublisherOptions } from './publisher.js';

/** Publishing delivery: everything between an approved post and its metrics. */
export interface Delivery {
  publisher: Publisher;
  scheduler: PublishScheduler;
  pauses: PauseService;
  calendar: CalendarService;
  metrics: MetricsService;
  notices: NoticeService;
}

export interface DeliveryDeps {
  db: Database;
  audit: AuditLog;
  jobs: JobQueue;
  keyring: Keyring;
  logger: Logger;
  config: Pick<Config, 'timeZone'>;
  /** Seconds an attempt owns its publication (default: CHHAVI_PUBLISH_LEASE_SECONDS). */
  leaseSeconds?: number;
  connectorFor: (platform: Platform) => Connector;
  publisher?: Partial<PublisherOptions>;
  scheduler?: Partial<SchedulerOptions>;
}

export function createDelivery(deps: DeliveryDeps): Delivery {
  const leaseSeconds = deps.leaseSeconds ?? publishLeaseSeconds();
  const publisher = new Publisher({
    db: deps.db,
    audit: deps.audit,
    jobs: deps.jobs,
    keyring: deps.keyring,
    logger: deps.logger,
    connectorFor: deps.connectorFor,
    options: { leaseSeconds, ...deps.publisher },
  });
  return {
    publisher,
    scheduler: new PublishScheduler({ db: deps.db, audit: deps.audit, publisher, logger: deps.logger, options: { timeZone: deps.config.timeZone, staleSeconds: Math.max(10, 2 * leaseSeconds), ...deps.scheduler } }),
    pauses: new PauseService(deps.db, deps.audit),
    calendar: new CalendarService({ db: deps.db, audit: deps.audit, publisher, defaultTimeZone: deps.config.timeZone }),
    metrics: new MetricsService({ db: deps.db, jobs: deps.jobs, keyring: deps.keyring, connectorFor: deps.connectorFor }),
    notices: new NoticeService(deps.db),
  };
}

/** The always-on loops of delivery in a process of this role: the scheduler's reconciler. */
export function startDeliveryLoops(delivery: Delivery, logger: Logger, role: 'all' | 'web' | 'worker' | 'scheduler'): RunningLoop {
  if (role !== 'all' && role !== 'scheduler') return { stop: async () => undefined };
  return startReconcilerLoop(delivery.scheduler, logger);
}
