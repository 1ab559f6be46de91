import type { ConnectorErrorKind } from '../../platforms/connector.js';

/**
 * A publication is one variant of one post version on its way to one account. Its state machine:
 *
 *   scheduled ──claim──▶ publishing ──▶ published
 *       ▲  │                 │ ├──▶ failed (auth_expired, rejected, out of attempts)
 *       │  ▼                 │ └──▶ needs_verification (outcome unknown, platform cannot be asked)
 *       │ held (pause)       └──retry (rate_limited, transient)──▶ scheduled
 *       └── a person: publish now / reschedule / retry          cancelled (post changed or a person)
 */
export const PUBLICATION_STATES = ['scheduled', 'publishing', 'published', 'failed', 'needs_verification', 'held', 'cancelled'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** `crash`: the worker stopped while publishing and the outcome was unknown. */
export type PublicationErrorKind = ConnectorErrorKind | 'crash';

export interface Publication {
  id: string;
  postId: string;
  variantId: string;
  accountId: string;
  unitId: string;
  postVersion: number;
  idempotencyKey: string;
  state: PublicationState;
  stateReason: string | null;
  attempts: number;
  dueAt: Date;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  enqueuedAt: Date | null;
  remoteId: string | null;
  remoteUrl: string | null;
  errorKind: PublicationErrorKind | null;
  errorCode: string | null;
  errorMessage: string | null;
  startedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PublicationAttempt {
  attempt: number;
  mode: 'publish' | 'recover';
  startedAt: Date;
  endedAt: Date | null;
  outcome: 'published' | 'found' | 'retry' | 'failed' | 'needs_verification' | 'timeout' | null;
  errorKind: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

/** The idempotency key a publication sends to the platform: one per variant and post version. */
export function idempotencyKey(postId: string, variantId: string, version: number): string {
  return `${postId}:${variantId}:${version}`;
}
