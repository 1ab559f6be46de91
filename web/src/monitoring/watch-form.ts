import type { NewWatch, Watch, WatchPatch } from '../api/monitoring.js';

/** Limits the server enforces (src/monitoring/watches/watch-rules.ts), checked here first for quick feedback. */
export const PURPOSE_MIN = 20;
export const LEGAL_BASIS_MIN = 5;
export const MAX_WATCH_DAYS = 180;
export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 730;

export interface WatchForm {
  name: string;
  query: string;
  purpose: string;
  legalBasis: string;
  unitIds: string[];
  /** `YYYY-MM-DD`: the watch ends at the end of that day in India (23:59:59 IST). */
  expiresOn: string;
  retentionDays: string;
}

export type WatchField = 'name' | 'query' | 'purpose' | 'legalBasis' | 'unitIds' | 'expiresOn' | 'retentionDays';

/** Field → translation key of the problem. */
export type WatchFormErrors = Partial<Record<WatchField, string>>;

const DAY_MS = 86_400_000;
const IST_OFFSET_MS = 5.5 * 3_600_000;

/** The date (YYYY-MM-DD) in India of an instant. */
export function istDate(at: Date): string {
  return new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last second of a date in India, as an ISO instant; null when the date is not a real date. */
export function endOfIstDay(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(midnightUtc) || new Date(midnightUtc).toISOString().slice(0, 10) !== date) return null;
  return new Date(midnightUtc + DAY_MS - 1000 - IST_OFFSET_MS).toISOString();
}

export function emptyWatchForm(now: Date, unitId: string | null): WatchForm {
  return { name: '', query: '', purpose: '', legalBasis: '', unitIds: unitId ? [unitId] : [], expiresOn: istDate(new Date(now.getTime() + 30 * DAY_MS)), retentionDays: '90' };
}

export function watchToForm(w: Watch): WatchForm {
  return {
    name: w.name,
    query: w.query,
    purpose: w.purpose,
    legalBasis: w.legalBasis,
    unitIds: [...w.unitIds],
    expiresOn: istDate(new Date(w.expiresAt)),
    retentionDays: String(w.retentionDays),
  };
}

/** Every missing or out-of-range field, so the editor can mark them all at once. */
export function validateWatchForm(form: WatchForm, now: Date): WatchFormErrors {
  const errors: WatchFormErrors = {};
  if (!form.name.trim()) errors.name = 'monitoring.watchForm.required';
  if (!form.query.trim()) errors.query = 'monitoring.watchForm.required';
  if (!form.purpose.trim()) errors.purpose = 'monitoring.watchForm.required';
  else if (form.purpose.trim().length < PURPOSE_MIN) errors.purpose = 'monitoring.watchForm.purposeShort';
  if (!form.legalBasis.trim()) errors.legalBasis = 'monitoring.watchForm.required';
  else if (form.legalBasis.trim().length < LEGAL_BASIS_MIN) errors.legalBasis = 'monitoring.watchForm.legalBasisShort';
  if (form.unitIds.length === 0) errors.unitIds = 'monitoring.watchForm.unitsRequired';
  const expires = endOfIstDay(form.expiresOn);
  if (!form.expiresOn) errors.expiresOn = 'monitoring.watchForm.required';
  else if (!expires) errors.expiresOn = 'monitoring.watchForm.badDate';
  else {
    const at = Date.parse(expires);
    if (at <= now.getTime()) errors.expiresOn = 'monitoring.watchForm.expiryPast';
    else if (at > now.getTime() + MAX_WATCH_DAYS * DAY_MS) errors.expiresOn = 'monitoring.watchForm.expiryTooFar';
  }
  const retention = Number(form.retentionDays);
  if (!form.retentionDays.trim()) errors.retentionDays = 'monitoring.watchForm.required';
  else if (!/^\d+$/.test(form.retentionDays.trim()) || retention < RETENTION_MIN_DAYS || retention > RETENTION_MAX_DAYS) errors.retentionDays = 'monitoring.watchForm.retentionRange';
  return errors;
}

/**
 * The latest expiry the server accepts is 180 days from now; the end of the chosen day may pass
 * it by a few hours, so the instant is capped rather than refused.
 */
function expiryInstant(form: WatchForm, now: Date): string {
  const end = Date.parse(endOfIstDay(form.expiresOn)!);
  return new Date(Math.min(end, now.getTime() + MAX_WATCH_DAYS * DAY_MS - 60_000)).toISOString();
}

export function formToNewWatch(form: WatchForm, now: Date): NewWatch {
  return {
    name: form.name.trim(),
    query: form.query.trim(),
    purpose: form.purpose.trim(),
    legalBasis: form.legalBasis.trim(),
    unitIds: [...new Set(form.unitIds)],
    expiresAt: expiryInstant(form, now),
    retentionDays: Number(form.retentionDays),
  };
}

/** Only the fields that changed, with the version edited (the server refuses a stale edit). */
export function formToPatch(form: WatchForm, original: Watch, now: Date): WatchPatch {
  const next = formToNewWatch(form, now);
  const patch: WatchPatch = { version: original.version };
  if (next.name !== original.name) patch.name = next.name;
  if (next.query !== original.query) patch.query = next.query;
  if (next.purpose !== original.purpose) patch.purpose = next.purpose;
  if (next.legalBasis !== original.legalBasis) patch.legalBasis = next.legalBasis;
  if ([...next.unitIds].sort().join(',') !== [...original.unitIds].sort().join(',')) patch.unitIds = next.unitIds;
  if (form.expiresOn !== istDate(new Date(original.expiresAt))) patch.expiresAt = next.expiresAt;
  if (next.retentionDays !== original.retentionDays) patch.retentionDays = next.retentionDays;
  return patch;
}

/** A watch whose expiry has passed counts as expired even before the server's next answer says so. */
export function isExpired(w: Pick<Watch, 'status' | 'expiresAt'>, now: Date): boolean {
  return w.status === 'expired' || Date.parse(w.expiresAt) <= now.getTime();
}
