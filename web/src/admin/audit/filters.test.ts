import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, toAuditQuery } from './filters.js';

describe('toAuditQuery', () => {
  it('leaves out empty fields', () => {
    expect(toAuditQuery(EMPTY_FILTER, 50)).toEqual({ limit: 50 });
  });
  it('covers whole days in India Standard Time and passes the paging key', () => {
    const q = toAuditQuery({ ...EMPTY_FILTER, action: ' auth.login ', from: '2026-11-01', to: '2026-11-02' }, 25, 900);
    expect(q).toEqual({ limit: 25, action: 'auth.login', from: '2026-10-31T18:30:00.000Z', to: '2026-11-02T18:29:59.999Z', before: 900 });
  });
  it('ignores a malformed day', () => {
    expect(toAuditQuery({ ...EMPTY_FILTER, from: '01/11/2026' }, 10)).toEqual({ limit: 10 });
  });
});
