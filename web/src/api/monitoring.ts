import type { ClusterView, MentionDetail as MentionDetailView, MentionSummary, MentionVersion, SourceHealthView } from '../../../src/monitoring/stream/stream-types.js';
import type { ImportFormat, ImportReport } from '../../../src/monitoring/sources/file-import.js';
import { api } from './client.js';

export type { ClusterView, MentionSummary, MentionVersion } from '../../../src/monitoring/stream/stream-types.js';

/**
 * The monitoring API under /api/v1/monitoring (src/monitoring/routes): watches, the mention
 * stream with its long poll, mention detail and source health. Shapes follow the server's schemas
 * (src/monitoring/routes/schemas.ts); text from social media in them is untrusted and is shown
 * as text only.
 */

export type WatchStatus = 'active' | 'paused' | 'expired';

export interface Watch {
  id: string;
  name: string;
  query: string;
  ownerId: string;
  ownerName: string;
  purpose: string;
  legalBasis: string;
  unitIds: string[];
  expiresAt: string;
  retentionDays: number;
  paused: boolean;
  status: WatchStatus;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  matchCount: number;
  abilities: { edit: boolean };
}

export interface NewWatch {
  name: string;
  query: string;
  ownerId?: string;
  purpose: string;
  legalBasis: string;
  unitIds: string[];
  expiresAt: string;
  retentionDays: number;
}

export interface WatchPatch extends Partial<NewWatch> {
  paused?: boolean;
  version?: number;
}

export interface MentionFilters {
  watchId?: string;
  unitId?: string;
  lang?: string;
  label?: string;
  platform?: string;
  clusterId?: string;
  q?: string;
}

export interface MentionListPage {
  mentions: MentionSummary[];
  nextBefore: string | null;
  /** The newest id: live updates start after it. */
  latest: string | null;
}

export interface MentionPollPage {
  mentions: MentionSummary[];
  cursor: string;
  more: boolean;
}

export interface MentionDetail {
  mention: MentionDetailView;
  versions: MentionVersion[];
  cluster: ClusterView | null;
  watches: { id: string; name: string; matchedAt: string }[];
  /** Why the mention carries each of its labels, by the model in use now; null when it has none. */
  explanation: MentionExplanation | null;
}

/** The n-grams of a mention's text that pushed each of its labels most (computed on request). */
export interface MentionExplanation {
  model: string;
  labels: { label: string; ngrams: { ngram: string; weight: number }[] }[];
}

export interface WatchTestResult {
  days: number;
  scanned: number;
  matched: number;
  truncated: boolean;
  byDay: { day: string; n: number }[];
  mentions: MentionSummary[];
}

export type SourceState = SourceHealthView['state'];

export interface SourceHealth extends SourceHealthView {
  /** The feed address (rss) or the Sandbox API base (sandbox; null: this server). */
  url: string | null;
  /** A webhook source: its endpoint under /api/v1. */
  webhookPath: string | null;
  abilities: { manage: boolean };
}

export type NewSourceKind = 'rss' | 'webhook' | 'sandbox';

export interface NewSource {
  kind: NewSourceKind;
  name: string;
  unitIds?: string[];
  url?: string;
  pollSeconds?: number;
  platform?: string;
}

export interface SourcePatch {
  name?: string;
  pollSeconds?: number;
  url?: string | null;
  enabled?: boolean;
}

export interface ManagedSource {
  id: string;
  kind: string;
  name: string;
  unitIds: string[];
  enabled: boolean;
  pollSeconds: number | null;
  url: string | null;
  webhookPath: string | null;
}

export type { ImportFormat, ImportReport } from '../../../src/monitoring/sources/file-import.js';

export interface ImportOptions {
  name: string;
  format?: ImportFormat;
  platform?: string;
  unitIds?: string[];
  restart?: boolean;
}

const IMPORT_TYPES: Record<ImportFormat, string> = { csv: 'text/csv', jsonl: 'application/x-ndjson' };

/** Seconds the server holds a live-update request open waiting for the first new mention. */
export const POLL_WAIT_SECONDS = 25;

const id = (value: string) => encodeURIComponent(value);

export const monitoringApi = {
  watches: (query: { status?: WatchStatus; unitId?: string } = {}) => api.get<{ watches: Watch[] }>('/monitoring/watches', { ...query }),
  watch: (watchId: string) => api.get<{ watch: Watch }>(`/monitoring/watches/${id(watchId)}`),
  createWatch: (body: NewWatch) => api.post<{ watch: Watch }>('/monitoring/watches', body),
  updateWatch: (watchId: string, patch: WatchPatch) => api.patch<{ watch: Watch }>(`/monitoring/watches/${id(watchId)}`, patch),
  expireWatch: (watchId: string, reason: string) => api.post<{ watch: Watch }>(`/monitoring/watches/${id(watchId)}/expire`, { reason }),
  testWatch: (query: string, limit?: number) => api.post<WatchTestResult>('/monitoring/watches/test', limit === undefined ? { query } : { query, limit }),
  mentions: (filters: MentionFilters, page: { before?: string; limit?: number } = {}) =>
    api.get<MentionListPage>('/monitoring/mentions', { ...filters, ...page }),
  /** Long poll: mentions newer than `after`, oldest first; waits up to `wait` seconds for the first. */
  updates: (filters: MentionFilters, after: string, wait = POLL_WAIT_SECONDS) => api.get<MentionPollPage>('/monitoring/mentions/updates', { ...filters, after, wait }),
  mention: (mentionId: string) => api.get<MentionDetail>(`/monitoring/mentions/${id(mentionId)}`),
  sources: () => api.get<{ sources: SourceHealth[] }>('/monitoring/sources'),
  /** A webhook's `secret` is in this answer only. */
  createSource: (body: NewSource) => api.post<{ source: ManagedSource; secret: string | null }>('/monitoring/sources', body),
  updateSource: (sourceId: string, patch: SourcePatch) => api.patch<{ source: ManagedSource }>(`/monitoring/sources/${id(sourceId)}`, patch),
  /** Sends the file as the request body, typed by its format so the server need not guess. */
  importMentions: (file: Blob, format: ImportFormat, opts: ImportOptions) =>
    api.request<ImportReport>('/monitoring/imports' + importQuery({ ...opts, format }), { method: 'POST', rawBody: new Blob([file], { type: IMPORT_TYPES[format] }) }),
};

function importQuery(opts: ImportOptions): string {
  const params = new URLSearchParams();
  params.set('name', opts.name);
  if (opts.format) params.set('format', opts.format);
  if (opts.platform) params.set('platform', opts.platform);
  for (const u of opts.unitIds ?? []) params.append('unitId', u);
  if (opts.restart) params.set('restart', 'true');
  return `?${params.toString()}`;
}
