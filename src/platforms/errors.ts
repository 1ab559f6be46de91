/**
 * What went wrong when calling a platform, typed so the publisher knows whether and when to retry:
 * `auth_expired` (a person must reconnect the account), `rate_limited` (wait until `resetAt`),
 * `rejected` (the platform refused this content: never retried), `transient` (network or server
 * trouble: retry with backoff). `platformMessage` is the platform's own text, shown to users.
 */
export type ConnectorErrorKind = 'auth_expired' | 'rate_limited' | 'rejected' | 'transient';

export class ConnectorError extends Error {
  override name = 'ConnectorError';
  readonly kind: ConnectorErrorKind;
  readonly resetAt?: Date;
  readonly platformCode?: string;
  readonly platformMessage: string;

  constructor(kind: ConnectorErrorKind, platformMessage: string, opts: { resetAt?: Date; platformCode?: string; cause?: unknown } = {}) {
    super(`${kind}: ${platformMessage}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.kind = kind;
    this.platformMessage = platformMessage;
    if (opts.resetAt) this.resetAt = opts.resetAt;
    if (opts.platformCode !== undefined) this.platformCode = opts.platformCode;
  }

  /** Whether the publisher may try the same call again later. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'transient';
  }
}

export function isConnectorError(err: unknown): err is ConnectorError {
  return err instanceof ConnectorError;
}
