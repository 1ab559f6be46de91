import { Option, type Command } from 'commander';
import type { AppContext } from '../../app/context.js';
import type { SystemActor } from '../../auth/actor.js';
import { ROLES, type Role } from '../../auth/roles.js';
import { AppError } from '../../http/errors.js';
import type { UserView } from '../../users/user-service.js';
import { withContext } from '../context.js';

const CLI: SystemActor = { system: true, label: 'cli' };

/** The whole of stdin without its final line break: a password piped in, never typed on the command line. */
async function readStdinPassword(): Promise<string> {
  if (process.stdin.isTTY) throw new Error('--password-stdin reads the password from a pipe, e.g. `printf %s "$PW" | chhavi user add ...`');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!text) throw new Error('no password on stdin');
  return text;
}

async function mustFind(ctx: AppContext, username: string): Promise<UserView> {
  const user = await ctx.users.findByUsername(CLI, username);
  if (!user) throw new Error(`no user named "${username}"`);
  return user;
}

/** AppErrors carry the field they are about; say it, since there is no form to highlight. */
function explain(err: unknown): never {
  if (err instanceof AppError) {
    const field = typeof err.details?.field === 'string' ? ` (${err.details.field})` : '';
    throw new Error(`${err.message}${field}`, { cause: err });
  }
  throw err;
}

function describeScope(u: UserView): string {
  if (u.allUnits) return 'all units';
  return u.unitIds.length ? u.unitIds.join(',') : '-';
}

export function register(program: Command): void {
  const user = program.command('user').description('manage user accounts (every change is written to the audit log as "cli")');

  user
    .command('add <username>')
    .description('create a user; prints a generated password once unless --password-stdin is given')
    .addOption(new Option('--role <role>', 'the role').choices([...ROLES]).makeOptionMandatory())
    .option('--units <ids>', 'comma-separated unit ids the user is scoped to')
    .option('--all-units', 'see every unit (analyst only)')
    .option('--name <display>', 'display name (default: the username)')
    .option('--password-stdin', 'read the password from stdin instead of generating one')
    .action(async (username: string, opts: { role: Role; units?: string; allUnits?: boolean; name?: string; passwordStdin?: boolean }) => {
      const password = opts.passwordStdin ? await readStdinPassword() : undefined;
      const unitIds = opts.units ? opts.units.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
      await withContext(async (ctx) => {
        const created = await ctx.users
          .create(CLI, { username, displayName: opts.name, role: opts.role, unitIds, allUnits: opts.allUnits, password, mustChangePassword: password === undefined })
          .catch(explain);
        console.log(`chhavi: created user "${created.user.username}" (${created.user.role}, ${describeScope(created.user)})`);
        if (created.initialPassword) console.log(`chhavi: password for "${created.user.username}": ${created.initialPassword} (shown once; it must be changed at first sign-in)`);
      });
    });

  user
    .command('passwd <username>')
    .description('set a password from stdin, or give a temporary one (printed once) that must be changed; ends the user’s sessions and lifts a lock')
    .option('--password-stdin', 'read the new password from stdin')
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      const password = opts.passwordStdin ? await readStdinPassword() : undefined;
      await withContext(async (ctx) => {
        const target = await mustFind(ctx, username);
        if (password !== undefined) {
          await ctx.users.setPassword(CLI, target.id, password).catch(explain);
          console.log(`chhavi: password of "${target.username}" changed`);
        } else {
          const { temporaryPassword } = await ctx.users.resetPassword(CLI, target.id).catch(explain);
          console.log(`chhavi: temporary password for "${target.username}": ${temporaryPassword} (shown once; it must be changed at next sign-in)`);
        }
      });
    });

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    user
      .command(`${name} <username>`)
      .description(disabled ? 'stop a user from signing in (ends their sessions; API tokens stop working)' : 'let a disabled user sign in again')
      .action(async (username: string) => {
        await withContext(async (ctx) => {
          const target = await mustFind(ctx, username);
          await ctx.users.update(CLI, target.id, { disabled }).catch(explain);
          console.log(`chhavi: user "${target.username}" ${disabled ? 'disabled' : 'enabled'}`);
        });
      });
  }

  user
    .command('unlock <username>')
    .description('lift the lock that failed sign-ins put on an account')
    .action(async (username: string) => {
      await withContext(async (ctx) => {
        const target = await mustFind(ctx, username);
        await ctx.users.unlock(CLI, target.id).catch(explain);
        console.log(`chhavi: user "${target.username}" unlocked`);
      });
    });

  user
    .command('list')
    .description('list users with role, units and state')
    .option('--json', 'one JSON array instead of a table')
    .action(async (opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const users = await ctx.users.list(CLI);
        if (opts.json) {
          console.log(JSON.stringify(users));
          return;
        }
        const rows = users.map((u) => [u.username, u.role, describeScope(u), u.disabled ? 'disabled' : u.locked ? 'locked' : 'active', u.totpEnabled ? 'totp' : '-']);
        const header = ['USERNAME', 'ROLE', 'UNITS', 'STATE', '2FA'];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
        for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
      });
    });
}
