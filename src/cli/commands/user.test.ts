import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setCliOverrides, withContext } from '../context.js';
import { register } from './user.js';

// The command as an operator runs it, on an embedded database in a folder of its own.
describe('chhavi user', () => {
  let dataDir: string;
  const lines: string[] = [];
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chhavi-cli-user-'));
    setCliOverrides({ dataDir, databaseUrl: undefined, secretKey: undefined, demo: false });
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  });
  afterAll(() => {
    vi.restoreAllMocks();
    setCliOverrides({});
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function run(...args: string[]): Promise<string[]> {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    register(program);
    lines.length = 0;
    await program.parseAsync(args, { from: 'user' });
    return [...lines];
  }

  it('adds, lists, disables and enables users, audited as cli', async () => {
    const added = await run('user', 'add', 'ravi.k', '--role', 'analyst', '--all-units', '--name', 'Ravi Kumar');
    expect(added[0]).toBe('chhavi: created user "ravi.k" (analyst, all units)');
    const password = /password for "ravi\.k": (\S+) \(shown once/.exec(added[1] ?? '')?.[1];
    expect(password).toBeDefined();

    await expect(run('user', 'add', 'desk', '--role', 'agency_editor')).rejects.toThrow('the role agency_editor needs at least one unit (unitIds)');
    await expect(run('user', 'add', 'x', '--role', 'chief')).rejects.toThrow();
    await run('user', 'disable', 'ravi.k');
    const listed = JSON.parse((await run('user', 'list', '--json'))[0]!) as { username: string; disabled: boolean; displayName: string }[];
    expect(listed).toEqual([expect.objectContaining({ username: 'ravi.k', displayName: 'Ravi Kumar', disabled: true })]);
    await run('user', 'enable', 'ravi.k');

    const table = await run('user', 'list');
    expect(table[0]).toMatch(/^USERNAME\s+ROLE\s+UNITS\s+STATE\s+2FA$/);
    expect(table[1]).toMatch(/^ravi\.k\s+analyst\s+all units\s+active\s+-$/);

    const reset = await run('user', 'passwd', 'ravi.k');
    const temporary = /^chhavi: temporary password for "ravi\.k": (\S+) \(shown once/.exec(reset[0] ?? '')?.[1];
    expect(temporary).toBeDefined();

    await withContext(async (ctx) => {
      await expect(ctx.auth.login({ username: 'ravi.k', password: password! }, { ip: '127.0.0.1' })).rejects.toThrow(/wrong username or password/);
      const issued = await ctx.auth.login({ username: 'ravi.k', password: temporary! }, { ip: '127.0.0.1' });
      expect(issued.actor.units).toBe('all');
      const { entries } = await ctx.audit.list({ scope: null });
      const byCli = entries.filter((e) => e.actorLabel === 'cli').map((e) => e.action);
      expect(byCli).toEqual(['user.password_reset', 'user.updated', 'user.updated', 'user.created']);
      expect((await ctx.audit.verify()).ok).toBe(true);
    });
  }, 180_000);
});
