import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyStream, parseInputLine } from './classify.js';

describe('chhavi classify --jsonl', () => {
  it('writes one line per good input and reports bad lines by number without stopping', async () => {
    const input = Readable.from(
      [
        JSON.stringify({ id: 'a', text: 'Delhi Police ne chor pakda, shabash!' }),
        '{not json',
        JSON.stringify({ id: 'b' }),
        '',
        JSON.stringify({ id: 7, text: 'पुलिस ने FIR दर्ज नहीं की' }),
      ].join('\n'),
    );
    let out = '';
    const warnings: string[] = [];
    const res = await classifyStream(input, (c) => (out += c), (w) => warnings.push(w));
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['id'])).toEqual(['a', 7]);
    expect(Object.keys(lines[0]!)).toEqual(['id', 'lang', 'scores', 'decisions', 'geo', 'model']);
    expect(res).toEqual({ lines: 2, errors: 2 });
    expect(warnings[0]).toMatch(/line 2: not valid JSON/);
    expect(warnings[1]).toMatch(/line 3: missing or non-string "text"/);
  });

  it('validates the id', () => {
    expect(parseInputLine('{"id":{"x":1},"text":"a"}')).toEqual({ error: '"id" must be a string or a number' });
    expect(parseInputLine('[1]')).toEqual({ error: 'expected a JSON object {"id","text"}' });
    expect(parseInputLine('{"text":"a"}')).toEqual({ id: null, text: 'a' });
  });
});
