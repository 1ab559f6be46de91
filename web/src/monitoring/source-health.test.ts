import { describe, expect, it } from 'vitest';
import type { SourceHealth } from '../api/monitoring.js';
import { lagParts, sortSources } from './source-health.js';

describe('source health', () => {
  it('states a lag in its largest whole unit', () => {
    expect(lagParts(null)).toBeNull();
    expect(lagParts(-1)).toBeNull();
    expect(lagParts(4.4)).toEqual({ value: 4, unit: 'seconds' });
    expect(lagParts(600)).toEqual({ value: 10, unit: 'minutes' });
    expect(lagParts(3 * 3600)).toEqual({ value: 3, unit: 'hours' });
    expect(lagParts(5 * 86400)).toEqual({ value: 5, unit: 'days' });
  });

  it('lists failing sources first', () => {
    const s = (name: string, state: SourceHealth['state']) => ({ name, state }) as SourceHealth;
    expect(sortSources([s('b', 'ok'), s('a', 'disabled'), s('c', 'failing'), s('a', 'ok'), s('d', 'idle')]).map((x) => `${x.state}:${x.name}`)).toEqual(['failing:c', 'idle:d', 'ok:a', 'ok:b', 'disabled:a']);
  });
});
