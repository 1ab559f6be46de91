import { describe, expect, it } from 'vitest';
import { detokenize } from './detokenize.js';

describe('detokenize (SentiMix pre-tokenised text)', () => {
  it('joins handles and hashtags with their sigil', () => {
    expect(detokenize('@ user hello # DelhiRiots')).toBe('@user hello #DelhiRiots');
  });

  it('joins handles split at underscores', () => {
    expect(detokenize('@ Shehla _ Rashid tu')).toBe('@Shehla_Rashid tu');
  });

  it('rebuilds split URLs', () => {
    expect(detokenize('dekho … https // t . co / P003zxqUtP')).toBe('dekho … https://t.co/P003zxqUtP');
    expect(detokenize('http : // www . abc . com / x / y end')).toBe('http://www.abc.com/x/y end');
  });

  it('leaves ordinary text alone', () => {
    const s = 'yeh sahi hai . @user ne kaha';
    expect(detokenize(s)).toBe(s);
  });
});
