import { describe, expect, it } from 'vitest';
import { parseAliases } from './aliases.js';

describe('parseAliases', () => {
  it('splits on commas and new lines, trims and drops empties and repeats', () => {
    expect(parseAliases('CP, Connaught Place ,, CP\nकनॉट प्लेस')).toEqual(['CP', 'Connaught Place', 'कनॉट प्लेस']);
    expect(parseAliases('  ')).toEqual([]);
  });
});
