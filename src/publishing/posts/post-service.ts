import { can, inScope, unitFilter, type Actor, type SystemActor } from '../../auth/actor.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Database, Queryable } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { textCounter, validateVariant } from '../../platforms/limits.js';
import { composeText } from '../../platforms/compose-text.js';
import type { VariantMedia } from '../../platforms/types.js';
import type { MediaItem } from '../media/media-service.js';
import { findMedia } from '../media/media-repository.js';
import { findAccounts } from '../accounts/account-repository.js';
import { mergeChains } from './approval-chain.js';
import * as repo from './post-repository.js';
import { cleanCampaign, cleanVariants, PAST_GRACE_MS, sameContent, type CleanVariant } from './post-rules.js';
import { CANCELLABLE, EDITABLE, SUBMITTABLE, type FieldIssue, type NewPost, type PostAbilities, type PostPatch, type PostStatus, type PostView } from './post-types.js';
import { checkTimeZone, resolveScheduledAt } from '../scheduler/zoned-time.js';

export interface PostServiceDeps {
  db: Database;
  audit: AuditLog;
  /** The force's time zone, for wall times entered without an offset. */
  timeZone: string;
  clock?: () => Date;
}

type Who = Actor | SystemActor;
const isSystem = (a: Who): a is SystemActor => 'system' in a;

export interface PostListFilter {
  statuses?: PostStatus[] | undefined;
  unitId?: string | undefined;
  mine?: boolean | undefined;
  accountId?: string | undefined;
  campaign?: string | undefined;
  templateId?: string | undefined;
  before?: string | undefined;
  limit?: number | undefined;
}

/**
 * The composer: posts with one variant per account, validated against each platform's limits,
 * submitted into review. Approval decisions live in `approvals/`. Every change is audited in the
 * transaction that makes it; reads are scoped to the actor's units in SQL.
 */
export class PostService {
  private readonly clock: () => Date;

  constructor(private readonly deps: PostServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  // ---- reads ------------------------------------------------------------------------------

  async get(actor: Actor, id: string): Promise<PostView> {
    const row = await repo.findPost(this.deps.db, id, unitFilter(actor));
    if (!row) throw notFound('post');
    return (await this.views(this.deps.db, [row], true))[0]!;
  }

  async list(actor: Actor, f: PostListFilter = {}): Promise<{ posts: PostView[]; nextBefore: string | null }> {
    const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
    let before: { createdAt: string; id: string } | undefined;
    if (f.before) {
      const [createdAt, id] = f.before.split('|');
      if (!createdAt || !id || Number.isNaN(Date.parse(createdAt))) throw new AppError('validation_failed', 'before: not a cursor from this list', { field: 'before' });
      before = { createdAt, id };
    }
    const rows = await repo.listPosts(this.deps.db, {
      units: unitFilter(actor),
      statuses: f.statuses,
      unitId: f.unitId,
      authorId: f.mine ? actor.userId : undefined,
      accountId: f.accountId,
      campaign: f.campaign,
      templateId: f.templateId,
      before,
      limit,
    });
    const last = rows[rows.length - 1];
    return { posts: await this.views(this.deps.db, rows, false), nextBefore: rows.length === limit && last ? `${last.createdAt}|${last.id}` : null };
  }

  /** Loads variants (and, for one post, its approval history) and computes chain and issues. */
  async views(q: Queryable, rows: readonly repo.PostRow[], withApprovals: boolean): Promise<PostView[]> {
    const variants = await repo.findVariants(q, rows.map((r) => r.id));
    const media = new Map((await findMedia(q, [...new Set(variants.flatMap((v) => v.mediaIds))])).map((m) => [m.sha256, m]));
    const out: PostView[] = [];
    for (const row of rows) {
      const own = variants.filter((v) => v.postId === row.id);
      const chain = mergeChains(own.map((v) => v.approvalChain));
      out.push({
        ...row,
        approvalChain: chain,
        nextApproverRole: row.status === 'in_review' ? (chain[row.approvalStep] ?? null) : null,
        variants: own.map((v) => ({
          id: v.id,
          accountId: v.accountId,
          account: v.account,
          text: v.text,
          link: v.link,
          hashtags: v.hashtags,
          mediaIds: v.mediaIds,
          title: v.title,
          publishedText: composeText(v),
          counter: textCounter(v.account.platform, v),
        })),
        issues: issuesOf(
          own.map((v) => ({ accountId: v.accountId, text: v.text, link: v.link, hashtags: v.hashtags, mediaIds: v.mediaIds, title: v.title })),
          own.map((v) => v.account.platform),
          media,
        ),
        approvals: withApprovals ? await repo.findApprovals(q, row.id) : [],
      });
    }
    return out;
  }

  abilities(actor: Actor, post: PostView): PostAbilities {
    const write = can(actor, 'posts.write') && inScope(actor, post.unitId);
    const decide =
      post.status === 'in_review' && can(actor, 'posts.approve') && inScope(actor, post.unitId) && post.authorId !== actor.userId && post.nextApproverRole === actor.role;
    return {
      edit: write && EDITABLE.includes(post.status),
      submit: write && SUBMITTABLE.includes(post.status) && post.issues.length === 0 && post.variants.length > 0,
      approve: decide,
      reject: decide,
      requestChanges: decide,
      cancel: write && CANCELLABLE.includes(post.status),
      publishNow: write && post.status === 'approved',
    };
  }

  // ---- changes ----------------------------------------------------------------------------

  async create(actor: Who, input: NewPost & { templateId?: string | null }): Promise<PostView> {
    if (!isSystem(actor)) {
      if (!can(actor, 'posts.write')) throw forbidden('your role may not write posts');
      if (!inScope(actor, input.unitId)) throw forbidden(`unit ${input.unitId} is outside your scope`);
    }
    const timeZone = checkTimeZone(input.timeZone ?? this.deps.timeZone);
    const scheduledAt = this.schedule(input.scheduledAt, timeZone);
    const campaign = cleanCampaign(input.campaign);
    const variants = cleanVariants(input.variants);
    return this.deps.db.transaction(async (tx) => {
      await this.checkTargets(tx, actor, input.unitId, variants);
      const authorId = isSystem(actor) ? await systemAuthor(tx) : actor.userId;
      const id = await repo.insertPost(tx, { unitId: input.unitId, authorId, campaign, templateId: input.templateId ?? null, scheduledAt, timeZone });
      await repo.replaceVariants(tx, id, variants);
      await this.deps.audit.record(tx, {
        actor,
        action: 'post.created',
        targetType: 'post',
        targetId: id,
        unitId: input.unitId,
        details: { accounts: variants.map((v) => v.accountId), campaign, templateId: input.templateId ?? null, scheduledAt: scheduledAt?.toISOString() ?? null },
      });
      return this.load(tx, id);
    });
  }

  /**
   * Edits a post. A change of content (texts, links, hashtags, media, titles, accounts, campaign)
   * bumps the version; if the post was in review or approved it goes back to the first step of
   * its chain. A change of time alone keeps the approvals: what was approved is unchanged.
   */
  async update(actor: Actor, id: string, patch: PostPatch, expectedVersion?: number): Promise<PostView> {
    if (!can(actor, 'posts.write')) throw forbidden('your role may not write posts');
    return this.deps.db.transaction(async (tx) => {
      const before = await repo.findPost(tx, id, unitFilter(actor), true);
      if (!before) throw notFound('post');
      if (!EDITABLE.includes(before.status)) throw new AppError('conflict', `a ${before.status} post cannot be edited`, { status: before.status });
      if (expectedVersion !== undefined && expectedVersion !== before.version) {
        throw new AppError('conflict', `the post changed since you opened it (version ${before.version}, yours ${expectedVersion})`, { version: before.version });
      }
      const current = (await repo.findVariants(tx, [id])).map((v) => ({ accountId: v.accountId, text: v.text, link: v.link, hashtags: v.hashtags, mediaIds: v.mediaIds, title: v.title }));
      const variants = patch.variants === undefined ? current : cleanVariants(patch.variants);
      const campaign = patch.campaign === undefined ? before.campaign : cleanCampaign(patch.campaign);
      const timeZone = patch.timeZone === undefined ? before.timeZone : checkTimeZone(patch.timeZone);
      const scheduledAt = patch.scheduledAt === undefined ? (before.scheduledAt ? new Date(before.scheduledAt) : null) : this.schedule(patch.scheduledAt, timeZone);
      if (patch.variants !== undefined) await this.checkTargets(tx, actor, before.unitId, variants);

      const contentChanged = !sameContent(current, variants) || campaign !== before.campaign;
      const timeChanged = (scheduledAt?.toISOString() ?? null) !== before.scheduledAt || timeZone !== before.timeZone;
      if (!contentChanged && !timeChanged) return this.load(tx, id);

      let status = before.status;
      let step = before.approvalStep;
      let version = before.version;
      if (contentChanged) {
        version += 1;
        if (before.status === 'in_review' || before.status === 'approved') {
          // What reviewers saw is no longer what would go out: the chain starts again.
          const issues = issuesOf(variants, await this.platformsOf(tx, variants), await this.mediaMap(tx, variants));
          if (issues.length) throw invalid(issues);
          status = 'in_review';
          step = 0;
        } else if (before.status === 'rejected' || before.status === 'changes_requested') {
          status = 'draft';
          step = 0;
        }
      }
      await repo.updatePost(tx, id, { campaign, scheduledAt, timeZone, status, version, approvalStep: step });
      if (patch.variants !== undefined) await repo.replaceVariants(tx, id, variants);
      await this.deps.audit.record(tx, {
        actor,
        action: 'post.updated',
        targetType: 'post',
        targetId: id,
        unitId: before.unitId,
        details: {
          version: { before: before.version, after: version },
          status: { before: before.status, after: status },
          contentChanged,
          ...(timeChanged ? { scheduledAt: { before: before.scheduledAt, after: scheduledAt?.toISOString() ?? null } } : {}),
          ...(contentChanged && before.approvalStep > 0 ? { approvalsReset: true } : {}),
        },
      });
      return this.load(tx, id);
    });
  }

  /** Sends a draft to the first step of its chain. */
  async submit(actor: Actor, id: string): Promise<PostView> {
    if (!can(actor, 'posts.write')) throw forbidden('your role may not write posts');
    return this.deps.db.transaction(async (tx) => {
      const before = await repo.findPost(tx, id, unitFilter(actor), true);
      if (!before) throw notFound('post');
      if (!SUBMITTABLE.includes(before.status)) throw new AppError('conflict', `a ${before.status} post cannot be submitted`, { status: before.status });
      const view = (await this.views(tx, [before], false))[0]!;
      if (view.variants.length === 0) throw new AppError('validation_failed', 'variants: choose at least one account', { field: 'variants' });
      if (view.issues.length) throw invalid(view.issues);
      const inactive = view.variants.findIndex((v) => !v.account.active);
      if (inactive >= 0) throw new AppError('validation_failed', `variants[${inactive}].accountId: the account is deactivated`, { field: `variants[${inactive}].accountId` });
      await repo.setPostState(tx, id, 'in_review', 0);
      await this.deps.audit.record(tx, {
        actor,
        action: 'post.submitted',
        targetType: 'post',
        targetId: id,
        unitId: before.unitId,
        details: { version: before.version, chain: view.approvalChain, from: before.status },
      });
      return this.load(tx, id);
    });
  }

  async cancel(actor: Actor, id: string, reason?: string): Promise<PostView> {
    if (!can(actor, 'posts.write')) throw forbidden('your role may not write posts');
    return this.deps.db.transaction(async (tx) => {
      const before = await repo.findPost(tx, id, unitFilter(actor), true);
      if (!before) throw notFound('post');
      if (!CANCELLABLE.includes(before.status)) throw new AppError('conflict', `a ${before.status} post cannot be cancelled`, { status: before.status });
      await repo.setPostState(tx, id, 'cancelled', before.approvalStep);
      await this.deps.audit.record(tx, { actor, action: 'post.cancelled', targetType: 'post', targetId: id, unitId: before.unitId, details: { from: before.status, reason: reason?.trim() || null } });
      return this.load(tx, id);
    });
  }

  /** Validates variants without saving them (the composer's live counters). */
  async check(actor: Actor, unitId: string, input: NewPost['variants']): Promise<FieldIssue[]> {
    if (!inScope(actor, unitId)) throw forbidden(`unit ${unitId} is outside your scope`);
    const variants = cleanVariants(input);
    await this.checkTargets(this.deps.db, actor, unitId, variants);
    return issuesOf(variants, await this.platformsOf(this.deps.db, variants), await this.mediaMap(this.deps.db, variants));
  }

  // ---- helpers ----------------------------------------------------------------------------

  async load(q: Queryable, id: string): Promise<PostView> {
    const row = await repo.findPost(q, id, null);
    if (!row) throw notFound('post');
    return (await this.views(q, [row], true))[0]!;
  }

  private schedule(value: string | null | undefined, timeZone: string): Date | null {
    if (value === undefined || value === null || value === '') return null;
    const at = resolveScheduledAt(value, timeZone);
    if (at.getTime() < this.clock().getTime() - PAST_GRACE_MS) throw new AppError('validation_failed', 'scheduledAt: the time has passed', { field: 'scheduledAt' });
    return at;
  }

  /** Every account exists, is in the actor's scope and belongs to the post's unit; every media item exists. */
  private async checkTargets(q: Queryable, actor: Who, unitId: string, variants: readonly CleanVariant[]): Promise<void> {
    const accounts = new Map((await findAccounts(q, variants.map((v) => v.accountId), isSystem(actor) ? null : unitFilter(actor))).map((a) => [a.id, a]));
    variants.forEach((v, i) => {
      const a = accounts.get(v.accountId);
      if (!a) throw new AppError('validation_failed', `variants[${i}].accountId: account not found`, { field: `variants[${i}].accountId` });
      if (a.unitId !== unitId) throw new AppError('validation_failed', `variants[${i}].accountId: the account belongs to another unit`, { field: `variants[${i}].accountId` });
    });
    const ids = [...new Set(variants.flatMap((v) => v.mediaIds))];
    const found = new Set((await findMedia(q, ids)).map((m) => m.sha256));
    variants.forEach((v, i) => {
      v.mediaIds.forEach((m, j) => {
        if (!found.has(m)) throw new AppError('validation_failed', `variants[${i}].media[${j}]: media not found`, { field: `variants[${i}].media[${j}]` });
      });
    });
  }

  private async platformsOf(q: Queryable, variants: readonly CleanVariant[]) {
    const accounts = new Map((await findAccounts(q, variants.map((v) => v.accountId), null)).map((a) => [a.id, a.platform]));
    return variants.map((v) => accounts.get(v.accountId)!);
  }

  private async mediaMap(q: Queryable, variants: readonly CleanVariant[]): Promise<Map<string, MediaItem>> {
    return new Map((await findMedia(q, [...new Set(variants.flatMap((v) => v.mediaIds))])).map((m) => [m.sha256, m]));
  }
}

/** Platform-limit problems of every variant, on fields named from the post (`variants[1].text`). */
function issuesOf(variants: readonly CleanVariant[], platforms: readonly import('../../platforms/types.js').Platform[], media: Map<string, MediaItem>): FieldIssue[] {
  const out: FieldIssue[] = [];
  variants.forEach((v, i) => {
    const items: VariantMedia[] = v.mediaIds.flatMap((id) => {
      const m = media.get(id);
      return m ? [{ sha256: m.sha256, mime: m.mime, bytes: m.bytes, altEn: m.altEn, altHi: m.altHi }] : [];
    });
    for (const issue of validateVariant(platforms[i]!, { text: v.text, link: v.link, hashtags: v.hashtags, media: items, title: v.title })) {
      out.push({ ...issue, field: `variants[${i}].${issue.field}` });
    }
  });
  return out;
}

function invalid(issues: FieldIssue[]): AppError {
  const first = issues[0]!;
  return new AppError('validation_failed', `${first.field}: ${first.message}`, { field: first.field, issues });
}

/** Posts made by the system (demo seeding) are authored by the first admin. */
async function systemAuthor(q: Queryable): Promise<string> {
  const rows = await q.query<{ id: string }>("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1");
  if (!rows[0]) throw new AppError('conflict', 'no admin user exists to author system posts');
  return rows[0].id;
}
