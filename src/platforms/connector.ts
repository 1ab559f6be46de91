import type { AccountCredentials, Platform, PlatformLimits, PublishedRef, RemoteComment, RemoteMetrics, ValidationIssue, VariantDraft, VariantToPublish } from './types.js';

export type { AccountCredentials, Platform, PlatformLimits, PublishedRef, RemoteComment, RemoteMetrics, ValidationIssue, VariantDraft, VariantToPublish } from './types.js';
export { ConnectorError, isConnectorError, type ConnectorErrorKind } from './errors.js';

/**
 * One platform, behind one interface. Connectors never touch Chhavi's database: they talk to the
 * platform over its API and throw `ConnectorError` with a typed kind when a call fails.
 */
export interface Connector {
  platform: Platform;
  limits: PlatformLimits;
  /** Checks a variant against the platform's real limits; an empty list means it may be submitted. */
  validate(v: VariantDraft): ValidationIssue[];
  /** Publishes once per idempotency key where the platform supports it. */
  publish(account: AccountCredentials, v: VariantToPublish, opts: { idempotencyKey: string }): Promise<PublishedRef>;
  /** Finds a post published earlier with this key (recovery after a crash); absent when the platform cannot tell. */
  findPublished?(account: AccountCredentials, idempotencyKey: string): Promise<PublishedRef | null>;
  delete(account: AccountCredentials, remoteId: string): Promise<void>;
  fetchMetrics(account: AccountCredentials, remoteId: string): Promise<RemoteMetrics>;
  fetchComments(account: AccountCredentials, remoteId: string, cursor?: string | null): Promise<{ comments: RemoteComment[]; cursor: string | null }>;
}
