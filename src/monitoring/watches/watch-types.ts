/** A watch as the API shows it. */
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
  /** `expired` once expiresAt has passed (it then matches nothing), else `paused` or `active`. */
  status: WatchStatus;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Mentions the watch has matched so far. */
  matchCount: number;
  /** What the caller may do with it, so the UI shows only the buttons that work. */
  abilities: { edit: boolean };
}

export type WatchStatus = 'active' | 'paused' | 'expired';

export interface NewWatch {
  name: string;
  query: string;
  /** Defaults to the creator. */
  ownerId?: string | undefined;
  purpose: string;
  legalBasis: string;
  unitIds: string[];
  expiresAt: string;
  retentionDays: number;
}

export interface WatchPatch {
  name?: string | undefined;
  query?: string | undefined;
  ownerId?: string | undefined;
  purpose?: string | undefined;
  legalBasis?: string | undefined;
  unitIds?: string[] | undefined;
  expiresAt?: string | undefined;
  retentionDays?: number | undefined;
  paused?: boolean | undefined;
  /** When given, the change applies only to this version (someone else's edit in between is a conflict). */
  version?: number | undefined;
}

export interface WatchFilter {
  status?: WatchStatus | undefined;
  unitId?: string | undefined;
}
