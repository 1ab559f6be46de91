import { InvalidArgumentError, Option, type Command } from 'commander';
import { PROCESS_ROLES, type ProcessRole } from '../../config/config.js';
import { createContext } from '../../app/create-context.js';
import { startProcess } from '../../app/start.js';
import { cliConfig } from '../context.js';

export function register(program: Command): void {
  program
    .command('start')
    .description('run Chhavi: the web server, the job workers and the scheduler (all in one process by default)')
    .addOption(new Option('--role <role>', 'which part to run').choices(PROCESS_ROLES).default('all'))
    .option('--port <port>', 'HTTP port (default 8080, or PORT)', parsePort)
    .action(async (opts: { role: ProcessRole; port?: number }) => {
      const config = cliConfig(opts.port !== undefined ? { port: opts.port } : {});
      const ctx = await createContext(config);
      const running = await startProcess(ctx, opts.role);
      let signals = 0;
      const shutdown = (signal: string) => {
        signals += 1;
        if (signals > 1) {
          ctx.logger.warn({ signal }, 'second signal: exiting now');
          process.exit(1);
        }
        ctx.logger.info({ signal }, 'shutting down');
        running.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            ctx.logger.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('a port is an integer from 0 to 65535.');
  return port;
}
