import type { AuditFilter } from '../../api/endpoints.js';

export interface AuditFilterForm {
  action: string;
  actorId: string;
  targetType: string;
  targetId: string;
  /** Calendar days (YYYY-MM-DD) as the date inputs give them, read in India Standard Time. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilterForm = { action: '', actorId: '', targetType: '', targetId: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query for GET /audit: empty fields left out, days turned into instants covering whole days. */
export function toAuditQuery(form: AuditFilterForm, limit: number, before?: number): AuditFilter {
  const query: AuditFilter = { limit };
  if (form.action.trim()) query.action = form.action.trim();
  if (form.actorId.trim()) query.actorId = form.actorId.trim();
  if (form.targetType.trim()) query.targetType = form.targetType.trim();
  if (form.targetId.trim()) query.targetId = form.targetId.trim();
  if (DAY.test(form.from)) query.from = new Date(`${form.from}T00:00:00.000+05:30`).toISOString();
  if (DAY.test(form.to)) query.to = new Date(`${form.to}T23:59:59.999+05:30`).toISOString();
  if (before !== undefined) query.before = before;
  return query;
}
