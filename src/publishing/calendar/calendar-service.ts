import { can, inScope, unitFilter, type Actor } from '../../auth/actor.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Database, Queryable } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import { validateVariant } from '../../platforms/limits.js';
import { isPlatform } from '../../platforms/types.js';
import { pauseCovering } from '../pause/pause-repository.js';
import * as pubRepo from '../publisher/publication-repository.js';
import type { Publication, PublicationAttempt, PublicationState } from '../publisher/publication-types.js';
import type { Publisher } from '../publisher/publisher.js';
import { formatWithOffset, resolveScheduledAt } from '../scheduler/zoned-time.js';
import { calendarPost, calendarPosts, moveWaitingPublications, setSchedule, type CalendarRow, type CalendarTarget } from './calendar-repository.js';

export const CALENDAR_MAX_DAYS = 120;
export const CALENDAR_MAX_POSTS = 2_000;

/** Post statuses whose time may still change. */
const RESCHEDULABLE = new Set(['draft', 'in_review', 'changes_requested', 'approved']);
/** Post statuses of the delivery stage, where publications exist or will. */
const DELIVERY = new Set(['approved', 'published', 'partially_published', 'failed']);

export interface PostAbilities {
  reschedule: boolean;
  publishNow: boolean;
}

export interface PublicationAbilities {
  retry: boolean;
  cancel: boolean;
  publishNow: boolean;
  markPublished: boolean;
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
  scheduledAt: string;
  timeZone: string;
  /** The time in the post's own zone, with its offset. */
  scheduledLocal: string;
  preview: string;
  /** Due and not yet approved: it waits, and its author has been told. */
  waitingForApproval: boolean;
  /** A pause covers the post's unit now. */
  paused: boolean;
  targets: (CalendarTarget & { can: PublicationAbilities })[];
  can: PostAbilities;
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
  /** The platform's own words, shown as they are. */
  errorMessage: string | null;
  startedAt: string | null;
  publishedAt: string | null;
  history: { attempt: number; mode: string; startedAt: string; endedAt: string | null; outcome: string | null; errorKind: string | null; errorCode: string | null; errorMessage: string | null }[];
  can: PublicationAbilities;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The content calendar and what a person does with scheduled and published posts: reschedule
 * (re-validated; refused once anything went out), publish now, retry, cancel, and settle a
 * publication whose outcome needs verifying. Every read is limited to the actor's units in SQL;
 * every change is audited.
 */
export class CalendarService {
  constructor(
    private readonly deps: { db: Database; audit: AuditLog; publisher: Publisher; defaultTimeZone: string },
  ) {}

  async list(
    actor: Actor,
    f: { from: Date; to: Date; unitId?: string | undefined; accountId?: string | undefined; campaign?: string | undefined; status?: string | undefined },
  ): Promise<CalendarEntry[]> {
    if (!(f.to > f.from)) throw new AppError('validation_failed', 'to must be after from', { field: 'to' });
    if (f.to.getTime() - f.from.getTime() > CALENDAR_MAX_DAYS * 86_400_000) throw new AppError('validation_failed', `at most ${CALENDAR_MAX_DAYS} days at once`, { field: 'to' });
    const rows = await calendarPosts(this.deps.db, { ...f, limit: CALENDAR_MAX_POSTS, units: unitFilter(actor) });
    const paused = await this.pausedUnits(this.deps.db, [...new Set(rows.map((r) => r.unitId))]);
    return rows.map((r) => this.entry(actor, r, paused.has(r.unitId)));
  }

  async post(actor: Actor, postId: string): Promise<{ post: CalendarEntry; publications: PublicationDetail[] }> {
    const row = await calendarPost(this.deps.db, postId, unitFilter(actor));
    if (!row) throw notFound(`post ${postId}`);
    const paused = await this.pausedUnits(this.deps.db, [row.unitId]);
    const pubs = await pubRepo.publicationsOfPost(this.deps.db, postId);
    const publications: PublicationDetail[] = [];
    for (const p of pubs) publications.push(this.detail(actor, p, row, await pubRepo.attemptsOf(this.deps.db, p.id)));
    return { post: this.entry(actor, row, paused.has(row.unitId)), publications };
  }

  async publication(actor: Actor, id: string): Promise<PublicationDetail> {
    const pub = await pubRepo.findPublication(this.deps.db, id, unitFilter(actor));
    if (!pub) throw notFound(`publication ${id}`);
    const row = (await calendarPost(this.deps.db, pub.postId, null))!;
    return this.detail(actor, pub, row, await pubRepo.attemptsOf(this.deps.db, id));
  }

  /** Moves a post to a new time (wall clock in `timeZone`, or an instant with offset); re-validates its variants. */
  async reschedule(actor: Actor, postId: string, input: { scheduledAt: string; timeZone?: string | undefined }): Promise<CalendarEntry> {
    this.mayDeliver(actor);
    return this.deps.db.transaction(async (tx) => {
      const row = await calendarPost(tx, postId, unitFilter(actor), true);
      if (!row) throw notFound(`post ${postId}`);
      const zone = input.timeZone ?? row.timeZone ?? this.deps.defaultTimeZone;
      const at = resolveScheduledAt(input.scheduledAt, zone);
      if (at.getTime() < Date.now() - 60_000) throw new AppError('validation_failed', `scheduledAt: ${formatWithOffset(at, zone)} is in the past`, { field: 'scheduledAt', reason: 'past' });
      if (!RESCHEDULABLE.has(row.status)) throw new AppError('conflict', `a ${row.status.replace('_', ' ')} post cannot be rescheduled`);
      const started = row.targets.filter((t) => t.state !== null && !['scheduled', 'held', 'cancelled'].includes(t.state));
      if (started.length) throw new AppError('conflict', 'some of this post has gone out or is going out now; retry or cancel its publications instead');
      await this.revalidate(tx, postId);
      await setSchedule(tx, postId, at, zone);
      const moved = await moveWaitingPublications(tx, postId, at);
      for (const id of moved) await this.deps.publisher.enqueue(tx, id, at);
      await this.deps.audit.record(tx, {
        actor,
        action: 'post.rescheduled',
        targetType: 'post',
        targetId: postId,
        unitId: row.unitId,
        details: { before: iso(row.scheduledAt), after: at.toISOString(), timeZone: zone, publications: moved.length },
      });
      const after = (await calendarPost(tx, postId, null))!;
      return this.entry(actor, after, (await this.pausedUnits(tx, [after.unitId])).has(after.unitId));
    });
  }

  /** Sends an approved post out now: its held or waiting publications run at once. Refused during a pause. */
  async publishPostNow(actor: Actor, postId: string): Promise<CalendarEntry> {
    this.mayDeliver(actor);
    return this.deps.db.transaction(async (tx) => {
      const row = await calendarPost(tx, postId, unitFilter(actor), true);
      if (!row) throw notFound(`post ${postId}`);
      if (row.status !== 'approved') throw new AppError('conflict', `only an approved post can be published now; this one is ${row.status.replace('_', ' ')}`);
      await this.refuseWhilePaused(tx, row.unitId);
      await this.revalidate(tx, postId);
      const now = new Date();
      await setSchedule(tx, postId, now, row.timeZone);
      const moved = await moveWaitingPublications(tx, postId, now);
      for (const id of moved) await this.deps.publisher.enqueue(tx, id);
      await this.deps.audit.record(tx, { actor, action: 'post.publish_now', targetType: 'post', targetId: postId, unitId: row.unitId, details: { before: iso(row.scheduledAt), publications: moved.length } });
      const after = (await calendarPost(tx, postId, null))!;
      return this.entry(actor, after, false);
    });
  }

  /** Tries a failed (or unverified) publication again with the same idempotency key; the platform is asked first. */
  async retry(actor: Actor, publicationId: string): Promise<PublicationDetail> {
    return this.actOnPublication(actor, publicationId, 'publication.retried', async (tx, pub, row) => {
      if (!['failed', 'needs_verification'].includes(pub.state)) throw new AppError('conflict', `a ${pub.state.replace('_', ' ')} publication cannot be retried`);
      if (pub.postVersion !== row.version) throw new AppError('conflict', 'the post was edited since; the new version goes through approval again');
      await this.refuseWhilePaused(tx, pub.unitId);
      await pubRepo.setWaitingState(tx, pub.id, 'scheduled', null, new Date());
      await this.deps.publisher.enqueue(tx, pub.id);
      return {};
    });
  }

  async cancel(actor: Actor, publicationId: string, reason: string): Promise<PublicationDetail> {
    return this.actOnPublication(actor, publicationId, 'publication.cancelled', async (tx, pub) => {
      if (!['scheduled', 'held', 'failed', 'needs_verification'].includes(pub.state)) throw new AppError('conflict', `a ${pub.state.replace('_', ' ')} publication cannot be cancelled`);
      await pubRepo.setWaitingState(tx, pub.id, 'cancelled', `cancelled by ${actor.displayName}: ${reason}`);
      return { reason, postStatus: await pubRepo.rollUpPost(tx, pub.postId) };
    });
  }

  /** A held publication (its time passed during a pause) goes out now. */
  async publishNow(actor: Actor, publicationId: string): Promise<PublicationDetail> {
    return this.actOnPublication(actor, publicationId, 'publication.publish_now', async (tx, pub, row) => {
      if (pub.state !== 'held') throw new AppError('conflict', `only a held publication can be published now; this one is ${pub.state.replace('_', ' ')}`);
      if (pub.postVersion !== row.version || !DELIVERY.has(row.status)) throw new AppError('conflict', 'the post changed since it was scheduled');
      await this.refuseWhilePaused(tx, pub.unitId);
      await pubRepo.setWaitingState(tx, pub.id, 'scheduled', null, new Date());
      await this.deps.publisher.enqueue(tx, pub.id);
      return {};
    });
  }

  /** A person checked the account: the post is there (with its address), so the publication is published. */
  async markPublished(actor: Actor, publicationId: string, input: { remoteUrl?: string | undefined; remoteId?: string | undefined }): Promise<PublicationDetail> {
    return this.actOnPublication(actor, publicationId, 'publication.verified_published', async (tx, pub) => {
      if (pub.state !== 'needs_verification') throw new AppError('conflict', 'only a publication that needs verification can be marked published');
      await tx.execute(
        `UPDATE publications SET state = 'published', remote_id = $2, remote_url = $3, published_at = now(), state_reason = $4, updated_at = now() WHERE id = $1`,
        [pub.id, input.remoteId ?? null, input.remoteUrl ?? null, `verified by ${actor.displayName}`],
      );
      return { remoteUrl: input.remoteUrl ?? null, postStatus: await pubRepo.rollUpPost(tx, pub.postId) };
    });
  }

  private async actOnPublication(
    actor: Actor,
    publicationId: string,
    action: string,
    change: (tx: Queryable, pub: Publication, row: CalendarRow) => Promise<Record<string, unknown>>,
  ): Promise<PublicationDetail> {
    this.mayDeliver(actor);
    return this.deps.db.transaction(async (tx) => {
      const visible = await pubRepo.findPublication(tx, publicationId, unitFilter(actor));
      if (!visible) throw notFound(`publication ${publicationId}`);
      const pub = (await pubRepo.lockPublication(tx, publicationId))!;
      const row = (await calendarPost(tx, pub.postId, null))!;
      const details = await change(tx, pub, row);
      await this.deps.audit.record(tx, { actor, action, targetType: 'publication', targetId: pub.id, unitId: pub.unitId, details: { postId: pub.postId, from: pub.state, ...details } });
      const after = (await pubRepo.lockPublication(tx, publicationId))!;
      return this.detail(actor, after, (await calendarPost(tx, pub.postId, null))!, await pubRepo.attemptsOf(tx, publicationId));
    });
  }

  private async revalidate(tx: Queryable, postId: string): Promise<void> {
    const variants = await tx.query<{ platform: string; handle: string; text: string; link: string | null; hashtags: string[]; mediaIds: string[]; title: string | null }>(
      `SELECT a.platform, a.handle, v.text, v.link, v.hashtags, v.media_ids AS "mediaIds", v.title
       FROM post_variants v JOIN social_accounts a ON a.id = v.account_id WHERE v.post_id = $1 ORDER BY v.position, v.id`,
      [postId],
    );
    const issues: { field: string; message: string; code: string }[] = [];
    for (const [i, v] of variants.entries()) {
      if (!isPlatform(v.platform)) continue;
      const media = await pubRepo.mediaRows(tx, v.mediaIds);
      for (const issue of validateVariant(v.platform, { text: v.text, link: v.link, hashtags: v.hashtags, title: v.title, media })) {
        issues.push({ field: `variants[${i}].${issue.field}`, code: issue.code, message: `${v.handle}: ${issue.message}` });
      }
    }
    if (issues.length) throw new AppError('validation_failed', issues[0]!.message, { issues });
  }

  private async refuseWhilePaused(q: Queryable, unitId: string): Promise<void> {
    const pause = await pauseCovering(q, unitId);
    if (pause) throw new AppError('conflict', `publishing is paused${pause.unitId ? ` for ${pause.unitId}` : ' force-wide'}: ${pause.reason}`, { pauseId: pause.id });
  }

  private async pausedUnits(q: Queryable, unitIds: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const u of unitIds) if (await pauseCovering(q, u)) out.add(u);
    return out;
  }

  private mayDeliver(actor: Actor): void {
    if (!can(actor, 'publishing.deliver')) throw new AppError('forbidden', 'this needs publishing.deliver');
  }

  private entry(actor: Actor, r: CalendarRow, paused: boolean): CalendarEntry {
    const deliver = can(actor, 'publishing.deliver') && inScope(actor, r.unitId);
    const started = r.targets.some((t) => t.state !== null && !['scheduled', 'held', 'cancelled'].includes(t.state));
    const scheduledAt = new Date(r.scheduledAt);
    return {
      id: r.id,
      unitId: r.unitId,
      authorId: r.authorId,
      authorName: r.authorName,
      campaign: r.campaign,
      templateId: r.templateId,
      status: r.status,
      version: r.version,
      scheduledAt: scheduledAt.toISOString(),
      timeZone: r.timeZone,
      scheduledLocal: formatWithOffset(scheduledAt, r.timeZone),
      preview: r.preview,
      waitingForApproval: ['draft', 'in_review', 'changes_requested'].includes(r.status) && scheduledAt.getTime() <= Date.now(),
      paused,
      targets: r.targets.map((t) => ({
        ...t,
        publishedAt: t.publishedAt === null ? null : new Date(t.publishedAt).toISOString(),
        can: this.publicationAbilities(deliver, t.state, r, t.variantId !== null, paused),
      })),
      can: {
        reschedule: deliver && RESCHEDULABLE.has(r.status) && !started,
        publishNow: deliver && r.status === 'approved' && !started && !paused,
      },
    };
  }

  private publicationAbilities(deliver: boolean, state: string | null, r: CalendarRow, current: boolean, paused: boolean): PublicationAbilities {
    const live = deliver && current && DELIVERY.has(r.status);
    return {
      retry: live && !paused && (state === 'failed' || state === 'needs_verification'),
      cancel: deliver && state !== null && ['scheduled', 'held', 'failed', 'needs_verification'].includes(state),
      publishNow: live && !paused && state === 'held',
      markPublished: deliver && state === 'needs_verification',
    };
  }

  private detail(actor: Actor, p: Publication, r: CalendarRow, attempts: PublicationAttempt[]): PublicationDetail {
    const deliver = can(actor, 'publishing.deliver') && inScope(actor, p.unitId);
    return {
      id: p.id,
      postId: p.postId,
      accountId: p.accountId,
      unitId: p.unitId,
      postVersion: p.postVersion,
      idempotencyKey: p.idempotencyKey,
      state: p.state,
      stateReason: p.stateReason,
      attempts: p.attempts,
      dueAt: new Date(p.dueAt).toISOString(),
      nextAttemptAt: new Date(p.nextAttemptAt).toISOString(),
      remoteId: p.remoteId,
      remoteUrl: p.remoteUrl,
      errorKind: p.errorKind,
      errorCode: p.errorCode,
      errorMessage: p.errorMessage,
      startedAt: iso(p.startedAt),
      publishedAt: iso(p.publishedAt),
      history: attempts.map((a) => ({
        attempt: a.attempt,
        mode: a.mode,
        startedAt: new Date(a.startedAt).toISOString(),
        endedAt: iso(a.endedAt),
        outcome: a.outcome,
        errorKind: a.errorKind,
        errorCode: a.errorCode,
        errorMessage: a.errorMessage,
      })),
      can: this.publicationAbilities(deliver, p.state, r, p.postVersion === r.version, false),
    };
  }
}
