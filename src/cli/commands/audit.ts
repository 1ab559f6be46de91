import { InvalidArgumentError, type Command } from 'commander';
import type { AuditEntryView, AuditLog } from '../../audit/audit-log.js';
import { MAX_PAGE } from '../../audit/audit-log.js';

type Print = (line: string) => void;

/** Checks the chain; prints one line and answers the exit code (0 intact, 1 broken). */
export async function verifyCommand(audit: AuditLog, print: Print): Promise<number> {
  const res = await audit.verify();
  if (res.ok) {
    print(`audit log OK: ${res.count} ${res.count === 1 ? 'entry' : 'entries'}`);
    return 0;
  }
  print(`audit log BROKEN at entry #${res.brokenAt}: ${res.reason}`);
  return 1;
}

export interface ListOptions {
  limit: number;
  json: boolean;
  action?: string | undefined;
  before?: number | undefined;
}

/** Prints the newest entries, one per line, or the page as JSON. */
export async function listCommand(audit: AuditLog, opts: ListOptions, print: Print): Promise<void> {
  const page = await audit.list({ scope: null, limit: opts.limit, action: opts.action, before: opts.before });
  if (opts.json) {
    print(JSON.stringify(page));
    return;
  }
  for (const e of page.entries) print(formatEntry(e));
  if (page.nextBefore !== null) print(`(more: --before ${page.nextBefore})`);
}

function formatEntry(e: AuditEntryView): string {
  const target = e.targetType ? ` ${e.targetType}${e.targetId ? `:${e.targetId}` : ''}` : '';
  const unit = e.unitId ? ` unit:${e.unitId}` : '';
  const details = Object.keys(e.details).length ? ` ${JSON.stringify(e.details)}` : '';
  return terminalSafe(`#${e.id} ${e.at} ${e.actorLabel} ${e.action}${target}${unit}${details}`);
}

// Labels, ids and details can hold text from outside (usernames, post text): control characters
// would drive the terminal, so they are shown escaped.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function terminalSafe(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function positiveInt(max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`must be a whole number from 1 to ${max}`);
    return n;
  };
}

// The context (and with it every service) is loaded when a command runs, not when the CLI starts.
export function register(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');

  audit
    .command('verify')
    .description('check the whole hash chain; exits 1 and names the first broken entry when it was tampered with')
    .action(async () => {
      const { withContext } = await import('../context.js');
      const code = await withContext((ctx) => verifyCommand(ctx.audit, (line) => console.log(line)));
      process.exitCode = code;
    });

  audit
    .command('list')
    .description('show the newest audit entries')
    .option('--limit <n>', `how many entries (1 to ${MAX_PAGE})`, positiveInt(MAX_PAGE), 20)
    .option('--action <action>', 'only this action, e.g. unit.updated')
    .option('--before <id>', 'only entries older than this id (the cursor printed after a page)', positiveInt(Number.MAX_SAFE_INTEGER))
    .option('--json', 'print the page as JSON', false)
    .action(async (opts: ListOptions) => {
      const { withContext } = await import('../context.js');
      await withContext((ctx) => listCommand(ctx.audit, opts, (line) => console.log(line)));
    });
}
