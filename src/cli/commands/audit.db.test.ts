import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { createTestDatabase, testDbKind, type TestDatabase } from '../../test-support/db.js';
import { AuditLog } from '../../audit/audit-log.js';
import type { SystemActor } from '../../auth/actor.js';
import { listCommand, register, terminalSafe, verifyCommand } from './audit.js';

const system: SystemActor = { system: true, label: 'cli-test' };

describe(`chhavi audit on ${testDbKind}`, () => {
  let t: TestDatabase;
  let audit: AuditLog;
  let out: string[];
  const print = (line: string) => out.push(line);

  beforeAll(async () => {
    t = await createTestDatabase();
    audit = new AuditLog(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });
  beforeEach(async () => {
    out = [];
    await t.db.transaction(async (tx) => {
      await tx.execute('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await tx.execute('DELETE FROM audit_log');
      await tx.execute('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    for (let i = 0; i < 3; i++) await audit.record(t.db, { actor: system, action: 'cli.tested', targetType: 'thing', targetId: String(i), details: { i } });
  });

  it('prints OK with the count and exits 0 on an intact log', async () => {
    expect(await verifyCommand(audit, print)).toBe(0);
    expect(out).toEqual(['audit log OK: 3 entries']);
  });

  it('prints BROKEN with the entry and exits 1 on a tampered log', async () => {
    await t.db.transaction(async (tx) => {
      await tx.execute('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await tx.execute(`UPDATE audit_log SET details = '{"i": 7}'::jsonb WHERE id = 2`);
      await tx.execute('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    expect(await verifyCommand(audit, print)).toBe(1);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^audit log BROKEN at entry #2: .+/);
  });

  it('lists newest first as text, and as JSON', async () => {
    await listCommand(audit, { limit: 2, json: false }, print);
    expect(out[0]).toMatch(/^#3 \S+Z cli-test cli\.tested thing:2 \{"i":2\}$/);
    expect(out[1]).toMatch(/^#2 /);
    expect(out[2]).toBe('(more: --before 2)');
    out = [];
    await listCommand(audit, { limit: 5, json: true }, print);
    const page = JSON.parse(out[0]!) as { entries: { id: number }[]; nextBefore: number | null };
    expect(page.entries.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(page.nextBefore).toBeNull();
  });

  it('escapes control characters from stored text', async () => {
    await audit.record(t.db, { actor: { system: true, label: 'evil\u001b[31m' }, action: 'x.y' });
    await listCommand(audit, { limit: 1, json: false }, print);
    expect(out[0]).not.toContain('\u001b');
    expect(out[0]).toContain('evil\\u001b[31m');
    expect(terminalSafe('a\nb')).toBe('a\\u000ab');
  });

  it('registers verify and list under audit, and rejects a bad --limit', async () => {
    const program = new Command().exitOverride();
    register(program);
    const auditCmd = program.commands.find((c) => c.name() === 'audit')!;
    expect(auditCmd.commands.map((c) => c.name()).sort()).toEqual(['list', 'verify']);
    auditCmd.commands.forEach((c) => c.exitOverride().configureOutput({ writeErr: () => undefined }));
    await expect(program.parseAsync(['node', 'chhavi', 'audit', 'list', '--limit', '0'])).rejects.toThrow(/whole number/);
  });
});
