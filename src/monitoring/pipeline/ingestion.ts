import type { AuditLog } from '../../audit/audit-log.js';
import type { Config, ProcessRole } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import type { SandboxNetwork } from '../../platforms/sandbox/network/sandbox-network.js';
import type { Keyring } from '../../secrets/keyring.js';
import type { MentionMatcher } from '../mentions/ingest.js';
import { DemoStream } from '../sources/demo-stream.js';
import { SourceRunner } from '../sources/runner.js';
import { SourceService } from '../sources/source-service.js';
import { IngestPipeline } from './pipeline.js';

/** Monitoring ingestion as a process holds it: the pipeline and the sources. */
export interface Ingestion {
  pipeline: IngestPipeline;
  sources: SourceService;
  /** The step after each write (watch matching and alerts); set by the monitoring capability. */
  setMatcher(matcher: MentionMatcher): void;
}

export interface IngestionDeps {
  db: Database;
  logger: Logger;
  audit: AuditLog;
  keyring: Keyring;
  config: Pick<Config, 'natsUrl'>;
}

export function createIngestion(deps: IngestionDeps): Ingestion {
  const ingestCtx: { db: Database; logger: Logger; monitoring?: MentionMatcher } = { db: deps.db, logger: deps.logger };
  return {
    pipeline: new IngestPipeline(ingestCtx, { natsUrl: deps.config.natsUrl }),
    sources: new SourceService(deps.db, deps.audit, deps.keyring),
    setMatcher(matcher) {
      ingestCtx.monitoring = matcher;
    },
  };
}

export const DEMO_SOURCE_NAME = 'Sandbox public feed';

/**
 * Starts this process's part of ingestion. Writers: in process, every role (whatever publishes in
 * a process is written by it); on NATS, the `all` and `worker` roles share the durable consumer.
 * Sources are polled by `all` and `scheduler`. The demo stream runs with `all` when demo is on.
 */
export async function startIngestion(
  ctx: { ingestion: Ingestion; config: Pick<Config, 'natsUrl' | 'demo' | 'sandboxUrl'>; db: Database; logger: Logger; sandbox: SandboxNetwork },
  role: ProcessRole,
): Promise<{ stop(): Promise<void> }> {
  const { pipeline, sources } = ctx.ingestion;
  if (pipeline.mode === 'memory' || role === 'all' || role === 'worker') await pipeline.startWorkers();
  let runner: SourceRunner | null = null;
  let demo: DemoStream | null = null;
  if (role === 'all' || role === 'scheduler') {
    if (ctx.config.demo && role === 'all') {
      await sources.ensure({ system: true, label: 'demo' }, { kind: 'sandbox', name: DEMO_SOURCE_NAME, pollSeconds: 5 });
      demo = new DemoStream(ctx.sandbox, ctx.db, ctx.logger);
      demo.start();
    }
    runner = new SourceRunner({ db: ctx.db, logger: ctx.logger, publish: (items) => pipeline.publish(items), poll: { fetch: globalThis.fetch, sandboxUrl: ctx.config.sandboxUrl } });
    runner.start();
  }
  return {
    async stop() {
      await demo?.stop();
      await runner?.stop();
      await pipeline.stop();
    },
  };
}
