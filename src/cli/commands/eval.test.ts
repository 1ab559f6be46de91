import { Command } from 'commander';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { register } from './eval.js';

const dir = mkdtempSync(join(tmpdir(), 'chhavi-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chhavi eval --data', () => {
  it('reads --data even though the program has a global --data option', async () => {
    const file = join(dir, 'rows.jsonl');
    writeFileSync(
      file,
      [
        { id: 'a', text: 'साले कुत्ते हरामी तेरी माँ की', labels: { hate_or_offensive: true }, source: 'hasoc2021-hindi' },
        { id: 'b', text: 'आज मौसम बहुत सुहावना है', labels: { hate_or_offensive: false }, source: 'hasoc2021-hindi' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    // The same global option as the CLI entry point.
    const program = new Command().option('--data <dir>', 'data folder').exitOverride();
    register(program);
    const out: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    try {
      await program.parseAsync(['node', 'chhavi', 'eval', '--data', file, '--json']);
    } finally {
      spy.mockRestore();
    }
    const result = JSON.parse(out.join('')) as { rows: number; labels: { label: string; n: number }[] };
    expect(result.rows).toBe(2);
    expect(result.labels.map((l) => [l.label, l.n])).toEqual([['abusive', 2]]);
  });
});
