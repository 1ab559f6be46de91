import { describe, expect, it } from 'vitest';
import type { Watch } from '../api/monitoring.js';
import { emptyWatchForm, endOfIstDay, formToNewWatch, formToPatch, istDate, isExpired, validateWatchForm, watchToForm, type WatchForm } from './watch-form.js';

const now = new Date('2026-03-10T12:00:00Z');
const good: WatchForm = {
  name: 'Riot rumours',
  query: 'danga OR दंगा',
  purpose: 'Early warning of communal rumours in the district',
  legalBasis: 'DP Act s.64',
  unitIds: ['north', 'north'],
  expiresOn: '2026-04-09',
  retentionDays: '90',
};

describe('watch form', () => {
  it('accepts a complete form and builds the request', () => {
    expect(validateWatchForm(good, now)).toEqual({});
    const body = formToNewWatch(good, now);
    expect(body).toEqual({
      name: 'Riot rumours',
      query: 'danga OR दंगा',
      purpose: 'Early warning of communal rumours in the district',
      legalBasis: 'DP Act s.64',
      unitIds: ['north'],
      expiresAt: '2026-04-09T18:29:59.000Z',
      retentionDays: 90,
    });
  });

  it('marks every missing safeguard at once', () => {
    const errors = validateWatchForm({ name: ' ', query: '', purpose: '', legalBasis: '', unitIds: [], expiresOn: '', retentionDays: '' }, now);
    expect(Object.keys(errors).sort()).toEqual(['expiresOn', 'legalBasis', 'name', 'purpose', 'query', 'retentionDays', 'unitIds']);
  });

  it('refuses a short purpose or legal basis, a past or too distant expiry and retention out of range', () => {
    expect(validateWatchForm({ ...good, purpose: 'too short' }, now).purpose).toBe('monitoring.watchForm.purposeShort');
    expect(validateWatchForm({ ...good, legalBasis: 'abc' }, now).legalBasis).toBe('monitoring.watchForm.legalBasisShort');
    expect(validateWatchForm({ ...good, expiresOn: '2026-03-09' }, now).expiresOn).toBe('monitoring.watchForm.expiryPast');
    expect(validateWatchForm({ ...good, expiresOn: '2026-12-31' }, now).expiresOn).toBe('monitoring.watchForm.expiryTooFar');
    expect(validateWatchForm({ ...good, expiresOn: '2026-02-30' }, now).expiresOn).toBe('monitoring.watchForm.badDate');
    for (const r of ['0', '731', '1.5', '-1', 'x']) expect(validateWatchForm({ ...good, retentionDays: r }, now).retentionDays).toBe('monitoring.watchForm.retentionRange');
    expect(validateWatchForm({ ...good, retentionDays: '730' }, now).retentionDays).toBeUndefined();
  });

  it('caps an expiry on the 180th day just inside the server limit', () => {
    const last = istDate(new Date(now.getTime() + 180 * 86_400_000));
    expect(validateWatchForm({ ...good, expiresOn: last }, now).expiresOn).toBe('monitoring.watchForm.expiryTooFar');
    const inside = istDate(new Date(now.getTime() + 179 * 86_400_000));
    const at = Date.parse(formToNewWatch({ ...good, expiresOn: inside }, now).expiresAt);
    expect(at).toBeLessThan(now.getTime() + 180 * 86_400_000);
  });

  it('reads days in India', () => {
    expect(istDate(new Date('2026-03-10T19:00:00Z'))).toBe('2026-03-11');
    expect(endOfIstDay('2026-03-11')).toBe('2026-03-11T18:29:59.000Z');
    expect(endOfIstDay('11/03/2026')).toBeNull();
    expect(emptyWatchForm(now, 'north')).toMatchObject({ unitIds: ['north'], expiresOn: '2026-04-09', retentionDays: '90' });
    expect(emptyWatchForm(now, null).unitIds).toEqual([]);
  });

  it('sends only the changed fields with the version edited', () => {
    const watch: Watch = {
      id: 'w1',
      name: good.name,
      query: good.query,
      ownerId: 'o',
      ownerName: 'Owner',
      purpose: good.purpose,
      legalBasis: good.legalBasis,
      unitIds: ['north'],
      expiresAt: '2026-04-09T18:29:59.000Z',
      retentionDays: 90,
      paused: false,
      status: 'active',
      version: 4,
      createdBy: 'o',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      matchCount: 0,
      abilities: { edit: true },
    };
    const form = watchToForm(watch);
    expect(formToPatch(form, watch, now)).toEqual({ version: 4 });
    expect(formToPatch({ ...form, query: 'danga NEAR/3 police', retentionDays: '30' }, watch, now)).toEqual({ version: 4, query: 'danga NEAR/3 police', retentionDays: 30 });
    expect(formToPatch({ ...form, expiresOn: '2026-04-20' }, watch, now).expiresAt).toBe('2026-04-20T18:29:59.000Z');
    expect(isExpired(watch, now)).toBe(false);
    expect(isExpired(watch, new Date('2026-04-10T00:00:00Z'))).toBe(true);
    expect(isExpired({ ...watch, status: 'expired' }, now)).toBe(true);
  });
});
