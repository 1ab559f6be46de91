import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { ProcessRole } from '../config/config.js';
import { packageRoot } from '../config/paths.js';
import { buildServer, type App } from '../http/server.js';
import { registerRootRoutes, registerRoutes } from '../http/routes.js';
import { seedUnits } from '../units/seed.js';
import { ensureFirstAdmin } from '../auth/bootstrap.js';
import { seedDemoPublishing } from '../publishing/posts/demo-posts.js';
import { seedDemoWatches } from '../monitoring/watches/demo-watches.js';
import type { AppContext } from './context.js';
import { prepareDatabase } from './prepare.js';
import { startDeliveryLoops } from '../publishing/publisher/delivery.js';
import { startIngestion } from '../monitoring/pipeline/ingestion.js';

export const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

export async function createHttpApp(ctx: AppContext): Promise<App> {
  const webRoot = join(packageRoot, 'dist', 'web');
  return buildServer({
    logger: ctx.logger,
    authenticator: ctx.auth,
    routes: (api) => registerRoutes(api, ctx),
    rootRoutes: (app) => registerRootRoutes(app, ctx),
    webRoot,
    metrics: ctx.metrics,
    secureCookies: ctx.config.publicUrl.startsWith('https://'),
    trustProxy: ctx.config.trustProxy,
    version,
    ready: async () => {
      await ctx.db.query('SELECT 1');
      if (!ctx.jobs.started) throw new Error('job queue not started');
    },
  });
}

export interface RunningProcess {
  app: App | null;
  /** The address the HTTP server listens on, when this process serves HTTP. */
  url: string | null;
  stop(): Promise<void>;
}

/**
 * Starts one Chhavi process: `web` serves HTTP, `worker` runs jobs, `scheduler` runs cron and
 * queue maintenance, `all` does everything. Every role migrates first (under a lock, so several
 * processes starting together are safe), and `all`/`web` seed the force's units on first start.
 */
export async function startProcess(ctx: AppContext, role: ProcessRole, print: (line: string) => void = console.log): Promise<RunningProcess> {
  const applied = await prepareDatabase(ctx);
  if (applied.length) ctx.logger.info({ applied }, 'migrations applied');
  await ctx.models.ensureShipped();
  await ctx.models.syncActive();
  const modelSync = keepModelInSync(ctx);

  if (role === 'all' || role === 'web') {
    await seedUnits(ctx.db, ctx.audit);
    const admin = await ensureFirstAdmin(ctx, process.env.CHHAVI_ADMIN_PASSWORD || undefined);
    if (admin) {
      print(`chhavi: first start: sign in as "${admin.username}" with password "${admin.password}" (shown once; change it after signing in)`);
    }
    if (ctx.config.demo) {
      const seeded = await seedDemoPublishing(ctx);
      if (seeded.accounts || seeded.templates || seeded.posts) ctx.logger.info(seeded, 'demo publishing data seeded');
      const watches = await seedDemoWatches(ctx);
      if (watches) ctx.logger.info({ watches }, 'demo watches seeded');
    }
  }

  await ctx.jobs.start(
    { work: role === 'all' || role === 'worker', schedule: role === 'all' || role === 'scheduler', timeZone: ctx.config.timeZone },
    (kind, data) => kind.handler(data, ctx),
  );
  const deliveryLoops = startDeliveryLoops(ctx.delivery, ctx.logger, role);

  let app: App | null = null;
  let url: string | null = null;
  if (role === 'all' || role === 'web') {
    app = await createHttpApp(ctx);
    url = await app.listen({ port: ctx.config.port, host: ctx.config.host });
    print(`chhavi: ${role} process listening on ${ctx.config.publicUrl.replace(/:\d+$/, '')}:${(app.server.address() as { port: number }).port}`);
  } else {
    print(`chhavi: ${role} process started`);
  }
  // After listening: in `all`, the Sandbox feed source polls this very server.
  const ingestion = await startIngestion(ctx, role);

  let stopping: Promise<void> | null = null;
  return {
    app,
    url,
    stop() {
      stopping ??= (async () => {
        // Stop taking requests and let in-flight ones finish, then let running jobs finish (or
        // expire back to the queue for another worker), then close the database.
        if (app) await app.close();
        clearInterval(modelSync);
        await deliveryLoops.stop();
        await ingestion.stop();
        await ctx.jobs.stop();
        await ctx.db.close();
      })();
      return stopping;
    },
  };
}

/** Every process loads the model an admin activated in any process, within half a minute. */
function keepModelInSync(ctx: AppContext): NodeJS.Timeout {
  const timer = setInterval(() => {
    ctx.models.syncActive().then(
      (version) => {
        if (version) ctx.logger.info({ version }, 'text model activated elsewhere is now in use');
      },
      (err: unknown) => ctx.logger.error({ err }, 'could not check the active text model'),
    );
  }, 30_000);
  timer.unref();
  return timer;
}
