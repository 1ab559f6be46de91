import type { AuditLog } from '../../audit/audit-log.js';
import type { SystemActor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import { pauseCovering } from '../pause/pause-repository.js';
import { addNotice } from '../publisher/notices.js';
import type { Publisher } from '../publisher/publisher.js';
import { formatWithOffset } from './zoned-time.js';
import { claimDuePosts, claimStranded, createPublications, createScheduledPublications, dueUnapprovedPosts, type DuePost } from './sweep-repository.js';

const SCHEDULER: SystemActor = { system: true, label: 'scheduler' };

export interface SchedulerOptions {
  /** Publications are created this far ahead of their time, with jobs that start at it (seconds). */
  horizonSeconds: number;
  /**
   * Posts claimed per transaction. Each batch walks the due posts from the earliest and skips those
   * already scheduled, so 10,000 posts falling due within the horizon took 50 ever longer batches at
   * 200; at 1,000 the whole lot is scheduled within the lead time even on a loaded machine.
   */
  batch: number;
  /** A scheduled publication this late without its job running gets its job again (seconds). */
  staleSeconds: number;
  timeZone: string;
}

export interface SweepResult {
  /** Publications created in `scheduled` (their jobs are sent). */
  scheduled: number;
  /** Publications created in `held` (a pause covers a due post). */
  held: number;
  /** Authors told that their post came due without approval. */
  dueNotApproved: number;
  /** Publications whose job was sent again (lost job or dead worker). */
  resent: number;
}

/**
 * The always-on reconciler of publishing. Each sweep: (1) turns approved posts due within the
 * horizon into publications and sends their jobs, in one transaction per batch; (2) tells the
 * authors of due posts that are not approved; (3) re-sends the jobs of stranded publications, which
 * is how a publication left in `publishing` by a dead worker reaches recovery.
 */
export class PublishScheduler {
  readonly options: SchedulerOptions;

  constructor(
    private readonly deps: { db: Database; audit: AuditLog; publisher: Publisher; logger: Logger; options?: Partial<SchedulerOptions> & { timeZone: string } },
  ) {
    this.options = { horizonSeconds: 120, batch: 1_000, staleSeconds: 120, ...deps.options } as SchedulerOptions;
  }

  async sweep(): Promise<SweepResult> {
    const result: SweepResult = { scheduled: 0, held: 0, dueNotApproved: 0, resent: 0 };
    for (;;) {
      const n = await this.sweepDueBatch(result);
      if (n < this.options.batch) break;
    }
    result.dueNotApproved = await this.tellDueNotApproved();
    result.resent = await this.resendStranded();
    return result;
  }

  private async sweepDueBatch(result: SweepResult): Promise<number> {
    return this.deps.db.transaction(async (tx) => {
      const posts = await claimDuePosts(tx, this.options.horizonSeconds, this.options.batch);
      const now = Date.now();
      const pausedUnits = new Map<string, { id: string; reason: string; unitId: string | null } | null>();
      const heldPosts: { postId: string; unitId: string; pauseId: string }[] = [];
      const toSchedule: DuePost[] = [];
      for (const post of posts) {
        if (!pausedUnits.has(post.unitId)) pausedUnits.set(post.unitId, await pauseCovering(tx, post.unitId));
        const pause = pausedUnits.get(post.unitId);
        if (pause) {
          // Not yet due: leave it; it is looked at again on every sweep until the pause ends.
          if (post.scheduledAt.getTime() > now) continue;
          const reason = `publishing is paused${pause.unitId ? ` for ${pause.unitId}` : ' force-wide'}: ${pause.reason}`;
          const ids = await createPublications(tx, post, 'held', reason);
          if (ids.length) {
            await addNotice(tx, { kind: 'held', postId: post.id, message: `Held: ${reason}. Reschedule it or publish it now when the pause ends.` });
            heldPosts.push({ postId: post.id, unitId: post.unitId, pauseId: pause.id });
          }
          result.held += ids.length;
          continue;
        }
        toSchedule.push(post);
      }
      // Set-based: a batch of posts costs a few statements, not a few per publication.
      const created = await createScheduledPublications(tx, toSchedule);
      await this.deps.publisher.enqueueMany(
        tx,
        created.map((c) => ({ publicationId: c.id, at: c.dueAt })),
      );
      result.scheduled += created.length;
      for (const h of heldPosts) {
        await this.deps.audit.record(tx, { actor: SCHEDULER, action: 'post.held', targetType: 'post', targetId: h.postId, unitId: h.unitId, details: { pauseId: h.pauseId } });
      }
      return posts.length;
    });
  }

  private async tellDueNotApproved(): Promise<number> {
    return this.deps.db.transaction(async (tx) => {
      const posts = await dueUnapprovedPosts(tx, this.options.batch);
      for (const p of posts) {
        const when = formatWithOffset(p.scheduledAt, this.options.timeZone);
        await addNotice(tx, {
          kind: 'due_not_approved',
          postId: p.id,
          message: `The post was due at ${when} but is ${p.status.replace('_', ' ')}, not approved; it waits and goes out once the last approval is given (reschedule it if the time matters).`,
        });
      }
      for (const p of posts) {
        await this.deps.audit.record(tx, { actor: SCHEDULER, action: 'post.due_not_approved', targetType: 'post', targetId: p.id, unitId: p.unitId, details: { status: p.status } });
      }
      return posts.length;
    });
  }

  private async resendStranded(): Promise<number> {
    return this.deps.db.transaction(async (tx) => {
      const stranded = await claimStranded(tx, this.options.staleSeconds, this.options.batch);
      await this.deps.publisher.enqueueMany(
        tx,
        stranded.map((s) => ({ publicationId: s.id })),
      );
      if (stranded.length) this.deps.logger.warn({ count: stranded.length, publishing: stranded.filter((s) => s.state === 'publishing').length }, 'publications re-sent to recovery');
      return stranded.length;
    });
  }
}
