import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { setCliOverrides } from './context.js';
import { version } from '../app/start.js';
import { ConfigError } from '../config/config.js';
import { register as start } from './commands/start.js';
import { register as migrate } from './commands/migrate.js';
import { register as user } from './commands/user.js';
import { register as audit } from './commands/audit.js';
import { register as classify } from './commands/classify.js';
import { register as train } from './commands/train.js';
import { register as evaluate } from './commands/eval.js';
import { register as bench } from './commands/bench.js';
import { register as importCommand } from './commands/import.js';
import { register as source } from './commands/source.js';
import { register as models } from './commands/models.js';
import { register as labels } from './commands/labels.js';

const program = new Command()
  .name('chhavi')
  .description('Chhavi (छवि): the social-media command centre of a police force')
  .version(version)
  .option('--data <dir>', 'data folder for the embedded database and files (default ./data, or CHHAVI_DATA)')
  .showHelpAfterError()
  .hook('preAction', (cmd) => {
    const opts = cmd.optsWithGlobals<{ data?: string }>();
    setCliOverrides(opts.data ? { dataDir: resolve(opts.data) } : {});
  });

for (const register of [start, migrate, user, audit, classify, train, evaluate, bench, importCommand, source, models, labels]) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof ConfigError) {
    console.error(`chhavi: configuration error: ${err.message}`);
    process.exit(2);
  }
  console.error(`chhavi: ${(err as Error).message}`);
  if (process.env.LOG_LEVEL === 'debug') console.error(err);
  process.exit(1);
}
