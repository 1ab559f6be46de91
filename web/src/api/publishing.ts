import { API_BASE, api } from './client.js';
import type { Role } from './types.js';

/**
 * The publishing API under /api/v1 (src/publishing/routes): accounts, posts, approvals, media,
 * templates, calendar, publications and the crisis pause. Shapes follow the server's schemas.
 */

export type Platform = 'x' | 'facebook' | 'youtube' | 'bluesky' | 'mastodon' | 'sandbox';
export const PLATFORMS: readonly Platform[] = ['x', 'facebook', 'youtube', 'bluesky', 'mastodon', 'sandbox'];

export interface SocialAccount {
  id: string;
  unitId: string;
  platform: Platform;
  handle: string;
  displayName: string;
  approvalChain: Role[];
  active: boolean;
  hasCredentials: boolean;
  publishable: boolean;
  createdAt: string;
  updatedAt: string;
  /** edit: change the account; compose: write posts to it. */
  can: { edit: boolean; compose: boolean };
}

export interface NewAccount {
  unitId: string;
  platform: Platform;
  handle: string;
  displayName: string;
  approvalChain?: Role[];
}

export interface AccountPatch {
  displayName?: string;
  approvalChain?: Role[];
  active?: boolean;
}

export type PostStatus = 'draft' | 'in_review' | 'changes_requested' | 'rejected' | 'approved' | 'cancelled' | 'published' | 'partially_published' | 'failed';
export const POST_STATUSES: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested', 'rejected', 'approved', 'cancelled', 'published', 'partially_published', 'failed'];

export interface FieldIssue {
  /** The field of the post it concerns: `variants[0].text`, `scheduledAt`… */
  field: string;
  code: string;
  limit?: number;
  actual?: number;
  message: string;
}

export interface Variant {
  id: string;
  accountId: string;
  account: { platform: Platform; handle: string; displayName: string; active: boolean };
  text: string;
  link: string | null;
  hashtags: string[];
  mediaIds: string[];
  title: string | null;
}

export interface Approval {
  postVersion: number;
  step: number;
  role: Role;
  actorId: string;
  actorName: string;
  decision: 'approved' | 'rejected' | 'changes_requested';
  comment: string | null;
  at: string;
}

export interface PostAbilities {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  reject: boolean;
  requestChanges: boolean;
  cancel: boolean;
  publishNow: boolean;
}

export interface Post {
  id: string;
  unitId: string;
  authorId: string;
  authorName: string;
  campaign: string | null;
  templateId: string | null;
  status: PostStatus;
  version: number;
  approvalStep: number;
  approvalChain: Role[];
  nextApproverRole: Role | null;
  /** UTC, ISO 8601. */
  scheduledAt: string | null;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
  variants: Variant[];
  issues: FieldIssue[];
  approvals: Approval[];
  can: PostAbilities;
}

export interface VariantInput {
  accountId: string;
  text: string;
  link?: string | null;
  hashtags?: string[];
  mediaIds?: string[];
  title?: string | null;
}

export interface NewPost {
  unitId: string;
  campaign?: string | null;
  /** A wall time like 2026-12-01T10:00 in timeZone, or an ISO time with offset. */
  scheduledAt?: string | null;
  timeZone?: string;
  variants: VariantInput[];
}

export interface PostPatch {
  version?: number;
  campaign?: string | null;
  scheduledAt?: string | null;
  timeZone?: string;
  variants?: VariantInput[];
}

export interface PostFilter {
  status?: PostStatus[];
  unitId?: string;
  accountId?: string;
  campaign?: string;
  templateId?: string;
  mine?: boolean;
  before?: string;
  limit?: number;
}

export interface Media {
  sha256: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration: number | null;
  altEn: string;
  altHi: string;
  uploadedBy: string | null;
  createdAt: string;
  url: string;
  /** edit: change the alt texts. */
  can: { edit: boolean };
}

export type TemplateCategory = 'cyber_fraud' | 'women_safety' | 'traffic' | 'child_safety' | 'senior_citizens' | 'drugs' | 'festival' | 'general';
export const TEMPLATE_CATEGORIES: readonly TemplateCategory[] = ['cyber_fraud', 'women_safety', 'traffic', 'child_safety', 'senior_citizens', 'drugs', 'festival', 'general'];

export interface Template {
  id: string;
  nameEn: string;
  nameHi: string;
  category: string;
  textEn: string;
  textHi: string;
  hashtags: string[];
  mediaIds: string[];
  placeholders: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  postCount: number;
  can: { edit: boolean; use: boolean };
}

export interface TemplateFields {
  nameEn: string;
  nameHi: string;
  category: TemplateCategory;
  textEn?: string;
  textHi?: string;
  hashtags?: string[];
  mediaIds?: string[];
  active?: boolean;
}

export interface TemplatePostInput {
  unitId: string;
  accountIds: string[];
  language: 'en' | 'hi' | 'both';
  campaign?: string | null;
  scheduledAt?: string | null;
  timeZone?: string;
}

export type PublicationState = 'scheduled' | 'publishing' | 'published' | 'failed' | 'needs_verification' | 'held' | 'cancelled';
export const PUBLICATION_STATES: readonly PublicationState[] = ['scheduled', 'publishing', 'published', 'failed', 'needs_verification', 'held', 'cancelled'];

export interface PublicationAbilities {
  retry: boolean;
  cancel: boolean;
  publishNow: boolean;
  markPublished: boolean;
}

export interface CalendarTarget {
  variantId: string;
  accountId: string;
  platform: string;
  handle: string;
  publicationId: string | null;
  state: PublicationState | null;
  stateReason: string | null;
  remoteUrl: string | null;
  errorKind: string | null;
  /** The platform's own words. */
  errorMessage: string | null;
  publishedAt: string | null;
  can: PublicationAbilities;
}

export interface CalendarEntry {
  id: string;
  unitId: string;
  authorId: string;
  authorName: string;
  campaign: string | null;
  templateId: string | null;
  status: string;
  version: number;
  /** UTC. */
  scheduledAt: string;
  timeZone: string;
  /** The time in the post's zone, with its offset. */
  scheduledLocal: string;
  preview: string;
  waitingForApproval: boolean;
  paused: boolean;
  targets: CalendarTarget[];
  can: { reschedule: boolean; publishNow: boolean };
}

export interface PublicationAttempt {
  attempt: number;
  mode: string;
  startedAt: string;
  endedAt: string | null;
  outcome: string | null;
  errorKind: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface PublicationDetail {
  id: string;
  postId: string;
  accountId: string;
  unitId: string;
  postVersion: number;
  idempotencyKey: string;
  state: PublicationState;
  stateReason: string | null;
  attempts: number;
  dueAt: string;
  nextAttemptAt: string;
  remoteId: string | null;
  remoteUrl: string | null;
  errorKind: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  startedAt: string | null;
  publishedAt: string | null;
  history: PublicationAttempt[];
  can: PublicationAbilities;
}

export interface CalendarFilter {
  from: string;
  to: string;
  unitId?: string;
  accountId?: string;
  campaign?: string;
  status?: string;
}

export interface Pause {
  id: string;
  /** null: force-wide. */
  unitId: string | null;
  reason: string;
  startedBy: string;
  startedByName: string;
  startedAt: string;
  can: { end: boolean };
}

export interface MetricPoint {
  collectedAt: string;
  pull: string;
  likes: number;
  shares: number;
  comments: number;
  views: number | null;
}

const id = (value: string) => encodeURIComponent(value);

export const accountsApi = {
  list: (filter: { unitId?: string; platform?: Platform; active?: boolean } = {}) => api.get<{ accounts: SocialAccount[] }>('/accounts', { ...filter, active: filter.active === undefined ? undefined : String(filter.active) }),
  create: (body: NewAccount) => api.post<{ account: SocialAccount }>('/accounts', body),
  update: (accountId: string, patch: AccountPatch) => api.patch<{ account: SocialAccount }>(`/accounts/${id(accountId)}`, patch),
};

export const postsApi = {
  list: (filter: PostFilter = {}) => {
    // Statuses go as a repeated parameter, which the server reads as an array.
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value === undefined || value === '') continue;
      if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
      else params.set(key, String(value));
    }
    const qs = params.toString();
    return api.get<{ posts: Post[]; nextBefore: string | null }>(qs ? `/posts?${qs}` : '/posts');
  },
  get: (postId: string) => api.get<{ post: Post }>(`/posts/${id(postId)}`),
  check: (unitId: string, variants: VariantInput[]) => api.post<{ issues: FieldIssue[] }>('/posts/check', { unitId, variants }),
  create: (body: NewPost) => api.post<{ post: Post }>('/posts', body),
  update: (postId: string, patch: PostPatch) => api.patch<{ post: Post }>(`/posts/${id(postId)}`, patch),
  submit: (postId: string) => api.post<{ post: Post }>(`/posts/${id(postId)}/submit`),
  cancel: (postId: string, reason?: string) => api.post<{ post: Post }>(`/posts/${id(postId)}/cancel`, reason ? { reason } : {}),
  approve: (postId: string, body: { comment?: string; version?: number }) => api.post<{ post: Post }>(`/posts/${id(postId)}/approve`, body),
  reject: (postId: string, body: { comment: string; version?: number }) => api.post<{ post: Post }>(`/posts/${id(postId)}/reject`, body),
  requestChanges: (postId: string, body: { comment: string; version?: number }) => api.post<{ post: Post }>(`/posts/${id(postId)}/request-changes`, body),
  inbox: (limit?: number) => api.get<{ posts: Post[] }>('/approvals/inbox', { limit }),
};

export const mediaApi = {
  list: (filter: { q?: string; kind?: 'image' | 'video'; before?: string; limit?: number } = {}) => api.get<{ media: Media[] }>('/media', { ...filter }),
  upload: (file: Blob, alt: { altEn?: string; altHi?: string } = {}) => api.upload<{ media: Media }>('/media', file, { ...alt }),
  update: (sha256: string, alt: { altEn?: string; altHi?: string }) => api.patch<{ media: Media }>(`/media/${id(sha256)}`, alt),
};

export const templatesApi = {
  list: (filter: { category?: TemplateCategory; q?: string; active?: boolean } = {}) =>
    api.get<{ templates: Template[] }>('/templates', { ...filter, active: filter.active === undefined ? undefined : String(filter.active) }),
  get: (templateId: string) => api.get<{ template: Template }>(`/templates/${id(templateId)}`),
  create: (body: TemplateFields) => api.post<{ template: Template }>('/templates', body),
  update: (templateId: string, patch: Partial<TemplateFields>) => api.patch<{ template: Template }>(`/templates/${id(templateId)}`, patch),
  createPost: (templateId: string, body: TemplatePostInput) => api.post<{ post: Post }>(`/templates/${id(templateId)}/posts`, body),
};

export const calendarApi = {
  list: (filter: CalendarFilter) => api.get<{ posts: CalendarEntry[] }>('/calendar', { ...filter }),
  post: (postId: string) => api.get<{ post: CalendarEntry; publications: PublicationDetail[] }>(`/posts/${id(postId)}/publications`),
  reschedule: (postId: string, scheduledAt: string, timeZone?: string) =>
    api.post<{ post: CalendarEntry }>(`/posts/${id(postId)}/reschedule`, timeZone ? { scheduledAt, timeZone } : { scheduledAt }),
  publishPostNow: (postId: string) => api.post<{ post: CalendarEntry }>(`/posts/${id(postId)}/publish-now`, {}),
  retry: (publicationId: string) => api.post<{ publication: PublicationDetail }>(`/publications/${id(publicationId)}/retry`, {}),
  cancel: (publicationId: string, reason: string) => api.post<{ publication: PublicationDetail }>(`/publications/${id(publicationId)}/cancel`, { reason }),
  publishNow: (publicationId: string) => api.post<{ publication: PublicationDetail }>(`/publications/${id(publicationId)}/publish-now`, {}),
  markPublished: (publicationId: string, body: { remoteUrl?: string; remoteId?: string }) =>
    api.post<{ publication: PublicationDetail }>(`/publications/${id(publicationId)}/mark-published`, body),
  metrics: (publicationId: string) => api.get<{ metrics: MetricPoint[] }>(`/publications/${id(publicationId)}/metrics`),
};

export interface Notice {
  id: string;
  kind: string;
  postId: string;
  publicationId: string | null;
  unitId: string;
  message: string;
  createdAt: string;
  read: boolean;
}

export const noticesApi = {
  list: (unread: boolean, limit = 50) => api.get<{ notices: Notice[] }>('/publishing/notices', { unread: unread ? 'true' : undefined, limit }),
  markRead: (noticeId: string) => api.post<void>(`/publishing/notices/${id(noticeId)}/read`, {}),
};

export const pauseApi = {
  active: () => api.get<{ pauses: Pause[] }>('/publishing/pause'),
  start: (reason: string, unitIds?: string[]) => api.post<{ pauses: Pause[] }>('/publishing/pause', unitIds?.length ? { reason, unitIds } : { reason }),
  end: (pauseId: string) => api.post<void>(`/publishing/pause/${id(pauseId)}/end`, {}),
};

export interface CsvRowError {
  line: number;
  column: string | null;
  message: string;
}

export interface CsvImportResult {
  rows: number;
  imported: { line: number; postId: string }[];
  errors: CsvRowError[];
}

/** The columns the server reads (src/publishing/csv/csv-import.ts), for the page's help text. */
export const CSV_COLUMNS = ['account', 'scheduled_at', 'time_zone', 'text', 'link', 'hashtags', 'campaign', 'title'] as const;

export const csvApi = {
  /** Imports scheduled posts; while any row is bad nothing is imported (400 with details.errors) unless acceptGoodRows. */
  importPosts: (csv: string, acceptGoodRows: boolean) =>
    api.upload<CsvImportResult>('/posts/import', new Blob([csv], { type: 'text/csv' }), { acceptGoodRows: acceptGoodRows ? 'true' : undefined }),
  /** Where the calendar of a range downloads as CSV (a plain link: the session cookie goes with it). */
  exportUrl: (filter: CalendarFilter) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
    return `${API_BASE}/calendar/export?${params.toString()}`;
  },
};
