/** A mention in a list (stream, search, test view). Text is raw, never HTML: the UI escapes it. */
export interface MentionSummary {
  id: string;
  platform: string;
  externalId: string;
  url: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorPseudonymised: boolean;
  text: string;
  lang: string | null;
  labels: string[];
  geoDistrict: string | null;
  /** The geotag's police station (its id in `stations`) and its names, when the station is known. */
  geoStation: string | null;
  geoStationName: { nameEn: string; nameHi: string } | null;
  unitIds: string[];
  clusterId: string | null;
  clusterSize: number | null;
  version: number;
  deleted: boolean;
  createdAt: string;
  ingestedAt: string;
}

export interface MentionFilter {
  watchId?: string | undefined;
  unitId?: string | undefined;
  lang?: string | undefined;
  label?: string | undefined;
  platform?: string | undefined;
  clusterId?: string | undefined;
  /** Full-text and trigram search over the normalised text. */
  q?: string | undefined;
  /** Keyset cursors on the mention id: older than `before`, newer than `after`. */
  before?: string | undefined;
  after?: string | undefined;
  limit?: number | undefined;
}

export interface MentionVersion {
  version: number;
  text: string;
  url: string | null;
  media: unknown;
  engagement: unknown;
  raw: unknown;
  deleted: boolean;
  seenAt: string;
  supersededAt: string;
}

export interface MentionDetail extends MentionSummary {
  authorExternalId: string | null;
  normalized: string;
  replyTo: string | null;
  quoteOf: string | null;
  shareOf: string | null;
  /** The stored mentions (ids) of `replyTo`, `quoteOf` and `shareOf` on the same platform, when the caller may see them. */
  related: { replyTo: string | null; quoteOf: string | null; shareOf: string | null };
  media: unknown;
  engagement: unknown;
  /** The payload as the platform sent it (evidence), or a marker once the author is pseudonymised. */
  raw: unknown;
  scores: unknown;
  model: string | null;
  sourceId: string | null;
  receivedAt: string;
  updatedAt: string;
  expiresAt: string | null;
  /** Why the mention is held past its retention (cases, evidence), if it is. */
  holds: string[];
}

export interface ClusterView {
  id: string;
  size: number;
  firstSeenAt: string;
  lastSeenAt: string;
  firstMentionId: string | null;
  /** The newest members the caller may see (up to 20). */
  members: MentionSummary[];
}

export interface SourceHealthView {
  id: string;
  kind: string;
  name: string;
  unitIds: string[];
  enabled: boolean;
  pollSeconds: number | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** When a failing source is polled again (backoff, or the time its server asked for); null otherwise. */
  retryAt: string | null;
  lastItemAt: string | null;
  lagSeconds: number | null;
  itemsTotal: number;
  /** `ok`, `failing` (the last run failed), `idle` (never ran) or `disabled`. */
  state: 'ok' | 'failing' | 'idle' | 'disabled';
}
