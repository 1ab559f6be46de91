import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { enrich, explain, toClassifyOutput } from '../../nlp/enrich.js';

/** Parses one input line; returns the id and text or an error message. */
export function parseInputLine(line: string): { id: unknown; text: string } | { error: string } {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { error: 'expected a JSON object {"id","text"}' };
  const r = row as Record<string, unknown>;
  if (typeof r['text'] !== 'string') return { error: 'missing or non-string "text"' };
  const id = r['id'];
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') return { error: '"id" must be a string or a number' };
  return { id: id ?? null, text: r['text'] };
}

/**
 * Reads JSON lines from `input`, writes one JSON line per good input line to `write`, and a
 * message naming the line number for each bad one to `warn`; bad lines never stop the run.
 */
export async function classifyStream(
  input: NodeJS.ReadableStream,
  write: (chunk: string) => void,
  warn: (line: string) => void,
  opts: { explain?: boolean } = {},
): Promise<{ lines: number; errors: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let errors = 0;
  let lines = 0;
  let out: string[] = [];
  for await (const raw of rl) {
    lineNo++;
    const line = raw.trim();
    if (line === '') continue;
    const parsed = parseInputLine(line);
    if ('error' in parsed) {
      errors++;
      warn(`chhavi classify: line ${lineNo}: ${parsed.error}`);
      continue;
    }
    try {
      const result: Record<string, unknown> = { ...toClassifyOutput(parsed.id, enrich(parsed.text)) };
      if (opts.explain) result['why'] = explain(parsed.text);
      out.push(JSON.stringify(result));
      lines++;
    } catch (err) {
      errors++;
      warn(`chhavi classify: line ${lineNo}: ${(err as Error).message}`);
    }
    if (out.length >= 256) {
      write(out.join('\n') + '\n');
      out = [];
    }
  }
  if (out.length > 0) write(out.join('\n') + '\n');
  return { lines, errors };
}

export function register(program: Command): void {
  program
    .command('classify')
    .description('classify posts: JSON lines {"id","text"} on stdin, one result line per input on stdout')
    .option('--jsonl', 'read and write JSON lines (the only format)', true)
    .option('--explain', 'add "why": the n-grams behind each positive decision')
    .action(async (opts: { jsonl?: boolean; explain?: boolean }) => {
      const { errors } = await classifyStream(
        process.stdin,
        (chunk) => process.stdout.write(chunk),
        (line) => console.error(line),
        { explain: Boolean(opts.explain) },
      );
      if (errors > 0) console.error(`chhavi classify: ${errors} line(s) skipped`);
    });
}
