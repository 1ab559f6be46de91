import type { AuditLog } from '../../audit/audit-log.js';
import type { SystemActor } from '../../auth/actor.js';
import type { Database, Queryable } from '../../db/database.js';
import type { JobOutcome } from '../../jobs/define.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Logger } from '../../log/logger.js';
import { isConnectorError, type AccountCredentials, type Connector, type PublishedRef, type VariantToPublish } from '../../platforms/connector.js';
import { isPlatform, type Platform } from '../../platforms/types.js';
import type { Keyring } from '../../secrets/keyring.js';
import { pauseCovering } from '../pause/pause-repository.js';
import { scheduleMetricPullsMany } from '../metrics/metrics-job.js';
import { backoffDelayMs, DEFAULT_BACKOFF, rateLimitRetryAt, type BackoffPolicy } from './backoff.js';
import { addNotice } from './notices.js';
import * as repo from './publication-repository.js';
import type { Publication } from './publication-types.js';
import { Coalescer } from '../../db/coalesce.js';
import { publishedAuditEntry, type PublishedItem } from './published-item.js';
import { publishJob } from './publish-job.js';

export const PUBLISHER: SystemActor = { system: true, label: 'publisher' };

/** Post statuses under which a publication of the post's current version may go out. */
const PUBLISHABLE_POST = new Set(['approved', 'published', 'partially_published', 'failed']);

export interface PublisherOptions {
  /** How long an attempt owns its publication; past it, recovery takes over (the worker is presumed dead). */
  leaseSeconds: number;
  /** How long one platform call may take; less than the lease. */
  callTimeoutMs: number;
  backoff: BackoffPolicy;
}

export interface PublisherDeps {
  db: Database;
  audit: AuditLog;
  jobs: JobQueue;
  keyring: Keyring;
  logger: Logger;
  connectorFor: (platform: Platform) => Connector;
  options?: Partial<PublisherOptions>;
}

type Claimed = {
  pub: Publication;
  attempt: number;
  /** publish: a first or retried call; check: ask the platform first (a retry that may have landed); recover: the worker died mid-call. */
  mode: 'publish' | 'check' | 'recover';
  connector: Connector | null;
  /** The platform cannot be published to at all (no connector). */
  connectorError: repo.ErrorFields | null;
  credentials: AccountCredentials | null;
  variant: VariantToPublish;
  accountProblem: string | null;
};

class CallTimeout extends Error {
  override name = 'CallTimeout';
}

/**
 * Delivers publications exactly once. Every attempt is two recorded steps around the platform call:
 * (1) claim — state `publishing`, attempt row, lease (committed before the call); (2) the call with
 * the publication's idempotency key; (3) record the remote id and `published` (committed). A worker
 * that dies between (1) and (3) leaves the publication in `publishing`; when its lease runs out,
 * recovery asks the platform whether the post exists (`findPublished`) before trying again, and
 * where the platform cannot tell, hands it to a person as `needs_verification`.
 */
export class Publisher {
  readonly options: PublisherOptions;
  /**
   * Claims and the records of successful calls that arrive while one is being written are written
   * together: at a hundred publications a second, one statement (or transaction) each would queue
   * on the connections and, for the records, on the audit chain, which takes one writer at a time.
   */
  private readonly claims = new Coalescer<string, repo.ClaimedDue>((ids) => this.claimDue(ids));
  private readonly published = new Coalescer<PublishedItem, true>((items) => this.writePublished(items));

  constructor(private readonly deps: PublisherDeps) {
    const leaseSeconds = deps.options?.leaseSeconds ?? 120;
    this.options = {
      leaseSeconds,
      callTimeoutMs: deps.options?.callTimeoutMs ?? Math.max(1_000, Math.floor((leaseSeconds * 1000) / 2)),
      backoff: deps.options?.backoff ?? DEFAULT_BACKOFF,
    };
  }

  /** Runs one attempt of a publication, or recovers it; safe to call any number of times. */
  async run(publicationId: string): Promise<JobOutcome> {
    const claimed = await this.claim(publicationId);
    if ('skipped' in claimed) return { status: 'skipped', reason: claimed.skipped };
    const { pub, attempt, connector } = claimed;

    if (!connector) {
      await this.finishWithError(pub, attempt, claimed.connectorError ?? { kind: 'rejected', code: null, message: 'no connector' }, 'failed');
      return { status: 'done', detail: { state: 'failed' } };
    }
    if (claimed.accountProblem || !claimed.credentials) {
      await this.finishWithError(pub, attempt, { kind: 'auth_expired', code: 'account', message: claimed.accountProblem ?? 'the account has no credentials' }, 'failed');
      return { status: 'done', detail: { state: 'failed' } };
    }
    const credentials = claimed.credentials;

    if (claimed.mode !== 'publish') {
      if (!connector.findPublished) {
        await this.finishWithError(
          pub,
          attempt,
          { kind: 'crash', code: null, message: 'publishing stopped before the platform answered, and this platform cannot be asked whether the post exists: check the account, then mark it published or retry' },
          'needs_verification',
        );
        return { status: 'done', detail: { state: 'needs_verification' } };
      }
      const find = connector.findPublished.bind(connector);
      let found: PublishedRef | null;
      try {
        found = await this.withTimeout(find(credentials, pub.idempotencyKey));
      } catch (err) {
        return this.afterCallError(pub, attempt, err);
      }
      if (found) {
        await this.finishPublished(pub, attempt, found, 'found');
        return { status: 'done', detail: { state: 'published', found: true } };
      }
    }

    let ref: PublishedRef;
    try {
      ref = await this.withTimeout(connector.publish(credentials, claimed.variant, { idempotencyKey: pub.idempotencyKey }));
    } catch (err) {
      return this.afterCallError(pub, attempt, err);
    }
    await this.finishPublished(pub, attempt, ref, 'published');
    return { status: 'done', detail: { state: 'published' } };
  }

  /**
   * Step 1: decide what this run may do and record the attempt, committed before the call. The
   * usual case (due, publishable, not paused) is one statement; anything else is decided with the
   * publication locked, in one transaction.
   */
  private async claim(id: string): Promise<Claimed | { skipped: string }> {
    const due = await this.claims.request(id);
    if (due) {
      const attempt = due.attempts;
      const pub: Publication = { ...due, attempts: attempt - 1 };
      return this.prepare(this.deps.db, pub, attempt, attempt > 1 ? 'check' : 'publish', due);
    }
    return this.claimLocked(id);
  }

  private async claimDue(ids: string[]): Promise<Map<string, repo.ClaimedDue>> {
    const rows = await repo.claimDue(this.deps.db, ids, new Date(Date.now() + 500), [...PUBLISHABLE_POST], this.options.leaseSeconds);
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async claimLocked(id: string): Promise<Claimed | { skipped: string }> {
    return this.deps.db.transaction(async (tx) => {
      const pub = await repo.lockPublication(tx, id);
      if (!pub) return { skipped: 'publication not found' };
      const now = Date.now();
      let mode: Claimed['mode'];
      if (pub.state === 'scheduled') {
        if (pub.nextAttemptAt.getTime() > now + 500) return { skipped: 'not due yet' };
        const post = await repo.postOf(tx, pub.postId);
        if (!post || post.version !== pub.postVersion || !PUBLISHABLE_POST.has(post.status)) {
          const reason = !post ? 'the post was deleted' : post.version !== pub.postVersion ? 'the post was edited after it was scheduled' : `the post is ${post.status}`;
          await repo.setWaitingState(tx, pub.id, 'cancelled', reason);
          await this.deps.audit.record(tx, { actor: PUBLISHER, action: 'publication.cancelled', targetType: 'publication', targetId: pub.id, unitId: pub.unitId, details: { postId: pub.postId, reason } });
          return { skipped: reason };
        }
        const pause = await pauseCovering(tx, pub.unitId);
        if (pause) {
          const reason = `publishing is paused${pause.unitId ? ` for ${pause.unitId}` : ' force-wide'}: ${pause.reason}`;
          await repo.setWaitingState(tx, pub.id, 'held', reason);
          await addNotice(tx, { kind: 'held', postId: pub.postId, publicationId: pub.id, message: `Held: ${reason}. Reschedule it or publish it now when the pause ends.` });
          await this.deps.audit.record(tx, { actor: PUBLISHER, action: 'publication.held', targetType: 'publication', targetId: pub.id, unitId: pub.unitId, details: { postId: pub.postId, pauseId: pause.id } });
          return { skipped: 'paused' };
        }
        mode = pub.attempts > 0 ? 'check' : 'publish';
      } else if (pub.state === 'publishing') {
        if (pub.leaseUntil && pub.leaseUntil.getTime() > now) return { skipped: 'another attempt holds it' };
        mode = 'recover';
      } else {
        return { skipped: `publication is ${pub.state}` };
      }

      const v = await repo.variantForPublish(tx, pub.variantId);
      if (!v) return { skipped: 'variant not found' };
      if (!isPlatform(v.platform)) return { skipped: `unknown platform ${v.platform}` };
      const attempt = pub.attempts + 1;
      await repo.claim(tx, pub.id, attempt, mode === 'recover' ? 'recover' : 'publish', this.options.leaseSeconds);
      return this.prepare(tx, pub, attempt, mode, v);
    });
  }

  /** What the call of a claimed attempt needs: the connector, the account's credentials, the content. */
  private async prepare(q: Queryable, pub: Publication, attempt: number, mode: Claimed['mode'], v: Omit<repo.VariantForPublish, 'variantId'>): Promise<Claimed> {
    let connector: Connector | null = null;
    let connectorError: repo.ErrorFields | null = null;
    if (!isPlatform(v.platform)) connectorError = { kind: 'rejected', code: null, message: `unknown platform ${v.platform}` };
    else {
      try {
        connector = this.deps.connectorFor(v.platform);
      } catch (err) {
        if (!isConnectorError(err)) throw err;
        connectorError = { kind: err.kind, code: err.platformCode ?? null, message: err.platformMessage };
      }
    }
    const media = await repo.mediaRows(q, v.mediaIds);
    let credentials: AccountCredentials | null = null;
    let accountProblem: string | null = null;
    if (!v.accountActive) accountProblem = `the account ${v.handle} is deactivated`;
    else if (!v.credentialsEnc) accountProblem = `the account ${v.handle} is not connected (no credentials)`;
    else {
      try {
        credentials = JSON.parse(this.deps.keyring.decrypt(v.credentialsEnc)) as AccountCredentials;
      } catch {
        accountProblem = `the credentials of ${v.handle} cannot be read; connect the account again`;
      }
    }
    return {
      pub,
      attempt,
      mode,
      connector,
      credentials,
      accountProblem,
      connectorError,
      variant: { text: v.text, link: v.link, hashtags: v.hashtags, title: v.title, media },
    };
  }

  private async withTimeout<T>(call: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CallTimeout(`the platform did not answer within ${this.options.callTimeoutMs} ms`)), this.options.callTimeoutMs);
    });
    // A call that answers after the timeout is ignored; the next attempt asks the platform.
    call.catch(() => undefined);
    try {
      return await Promise.race([call, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Step 3: the remote id and `published`, the post's roll-up, the metrics pulls, and the audit row,
   * committed together with those of the other calls that finished meanwhile (`Coalescer`).
   */
  private async finishPublished(pub: Publication, attempt: number, ref: PublishedRef, outcome: 'published' | 'found'): Promise<void> {
    await this.published.request({ publicationId: pub.id, postId: pub.postId, unitId: pub.unitId, attempt, remoteId: ref.remoteId, url: ref.url, outcome });
  }

  private async writePublished(items: PublishedItem[]): Promise<Map<PublishedItem, true>> {
    return this.deps.db.transaction(async (tx) => {
      await repo.lockPosts(tx, [...new Set(items.map((i) => i.postId))]);
      const done = await repo.markPublishedMany(
        tx,
        items.map((i) => ({ id: i.publicationId, attempt: i.attempt, remoteId: i.remoteId, url: i.url, outcome: i.outcome })),
      );
      const recorded = items.filter((i) => done.has(i.publicationId));
      if (!recorded.length) return new Map();
      const postStatus = await repo.rollUpPosts(tx, [...new Set(recorded.map((i) => i.postId))]);
      await scheduleMetricPullsMany(
        this.deps.jobs,
        tx,
        recorded.map((i) => i.publicationId),
      );
      // A post's new status goes on the entry of its last publication in the batch, the one that completed it.
      const lastOfPost = new Map(recorded.map((i) => [i.postId, i]));
      await this.deps.audit.recordMany(
        tx,
        recorded.map((i) => publishedAuditEntry(PUBLISHER, i, lastOfPost.get(i.postId) === i ? postStatus.get(i.postId) : undefined)),
      );
      return new Map(recorded.map((i) => [i, true as const]));
    });
  }

  /** Classifies a failed call by the connector's typed error and records what happens next. */
  private async afterCallError(pub: Publication, attempt: number, err: unknown): Promise<JobOutcome> {
    if (err instanceof CallTimeout) {
      await this.finishWithError(pub, attempt, { kind: 'transient', code: 'timeout', message: err.message }, 'retry', this.retryAfterTransient(attempt), 'timeout');
      return { status: 'done', detail: { state: 'scheduled', timeout: true } };
    }
    if (!isConnectorError(err)) {
      // Not a platform answer (a bug or a local failure): the outcome of the call is unknown, so
      // the retry asks the platform first like any other.
      this.deps.logger.error({ err, publicationId: pub.id }, 'publish call failed without a platform error');
      const message = err instanceof Error ? err.message : String(err);
      await this.finishWithError(pub, attempt, { kind: 'transient', code: 'local', message }, 'retry', this.retryAfterTransient(attempt));
      return { status: 'done', detail: { state: 'scheduled' } };
    }
    const error = { kind: err.kind, code: err.platformCode ?? null, message: err.platformMessage };
    switch (err.kind) {
      case 'auth_expired':
      case 'rejected':
        await this.finishWithError(pub, attempt, error, 'failed');
        return { status: 'done', detail: { state: 'failed', kind: err.kind } };
      case 'rate_limited':
        await this.finishWithError(pub, attempt, error, 'retry', attempt >= this.options.backoff.maxAttempts * 2 ? null : rateLimitRetryAt(new Date(), err.resetAt));
        return { status: 'done', detail: { state: 'scheduled', kind: err.kind } };
      case 'transient':
        await this.finishWithError(pub, attempt, error, 'retry', this.retryAfterTransient(attempt));
        return { status: 'done', detail: { state: 'scheduled', kind: err.kind } };
    }
  }

  private retryAfterTransient(attempt: number): Date | null {
    if (attempt >= this.options.backoff.maxAttempts) return null;
    return new Date(Date.now() + backoffDelayMs(this.options.backoff, attempt));
  }

  /**
   * Ends the attempt: `retry` goes back to scheduled with a job at `retryAt` (or fails when there is
   * no retry left), `failed` and `needs_verification` are final until a person acts.
   */
  private async finishWithError(
    pub: Publication,
    attempt: number,
    error: repo.ErrorFields,
    next: 'retry' | 'failed' | 'needs_verification',
    retryAt: Date | null = null,
    outcome?: 'timeout',
  ): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const state = next === 'retry' ? (retryAt ? 'scheduled' : 'failed') : next;
      const reason =
        state === 'scheduled'
          ? null
          : state === 'needs_verification'
            ? error.message
            : next === 'retry'
              ? `gave up after ${attempt} attempts: ${error.message}`
              : error.kind === 'auth_expired'
                ? `the platform refused the account's sign-in; reconnect the account: ${error.message}`
                : error.message;
      if (!(await repo.markAfterError(tx, pub.id, attempt, { state, reason, ...(retryAt && state === 'scheduled' ? { retryAt } : {}), error }))) return;
      await repo.endAttempt(tx, pub.id, attempt, {
        outcome: outcome ?? (state === 'scheduled' ? 'retry' : state),
        errorKind: error.kind,
        errorCode: error.code,
        errorMessage: error.message,
      });
      if (state === 'scheduled' && retryAt) {
        await this.enqueue(tx, pub.id, retryAt);
        return;
      }
      let postStatus: string | null = null;
      if (state === 'failed') {
        postStatus = await repo.rollUpPost(tx, pub.postId);
        await addNotice(tx, { kind: error.kind === 'auth_expired' ? 'auth_expired' : 'failed', postId: pub.postId, publicationId: pub.id, message: `Not published: ${reason ?? error.message}` });
      } else {
        await addNotice(tx, { kind: 'needs_verification', postId: pub.postId, publicationId: pub.id, message: `Check whether this post went out: ${error.message}` });
      }
      await this.deps.audit.record(tx, {
        actor: PUBLISHER,
        action: state === 'failed' ? 'publication.failed' : 'publication.needs_verification',
        targetType: 'publication',
        targetId: pub.id,
        unitId: pub.unitId,
        details: { postId: pub.postId, attempt, errorKind: error.kind, errorCode: error.code, errorMessage: error.message, ...(postStatus ? { postStatus } : {}) },
      });
    });
  }

  /** Sends the publication's job, to run at `at` (now when absent or past). */
  async enqueue(tx: Queryable, publicationId: string, at?: Date): Promise<void> {
    await this.deps.jobs.send(publishJob, { publicationId }, { tx, singletonKey: publicationId, ...(at && at.getTime() > Date.now() ? { startAfter: at } : {}) });
    await repo.markEnqueued(tx, [publicationId]);
  }

  /** `enqueue` for many publications in two statements. */
  async enqueueMany(tx: Queryable, items: readonly { publicationId: string; at?: Date }[]): Promise<void> {
    if (!items.length) return;
    const now = Date.now();
    await this.deps.jobs.sendMany(
      publishJob,
      items.map((i) => ({ data: { publicationId: i.publicationId }, singletonKey: i.publicationId, ...(i.at && i.at.getTime() > now ? { startAfter: i.at } : {}) })),
      { tx },
    );
    await repo.markEnqueued(
      tx,
      items.map((i) => i.publicationId),
    );
  }
}
