import { can, inScope, unitFilter, type Actor } from '../../auth/actor.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Database } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import * as posts from '../posts/post-repository.js';
import type { PostService } from '../posts/post-service.js';
import type { PostStatus, PostView } from '../posts/post-types.js';

export type Decision = 'approve' | 'reject' | 'request_changes';

export const COMMENT_MAX = 2000;

/**
 * Approval decisions on posts in review. Each step of a post's chain names a role; only a holder
 * of that role, with the post's unit in scope, who is not the post's author, decides it — not even
 * an admin approves their own post. Approve moves to the next step (the last one approves the
 * post), reject ends the review, request changes hands the post back to its author. Decisions are
 * recorded against the post's version, and a decision on a version the approver did not see is
 * refused.
 */
export class ApprovalService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly posts: PostService,
  ) {}

  async decide(actor: Actor, postId: string, decision: Decision, opts: { comment?: string | undefined; version?: number | undefined } = {}): Promise<PostView> {
    if (!can(actor, 'posts.approve')) throw forbidden('your role may not approve posts');
    const comment = opts.comment?.trim() || null;
    if (comment && comment.length > COMMENT_MAX) throw new AppError('validation_failed', `comment: at most ${COMMENT_MAX} characters`, { field: 'comment' });
    if (decision !== 'approve' && !comment) throw new AppError('validation_failed', 'comment: say why, for the author', { field: 'comment' });
    return this.db.transaction(async (tx) => {
      const row = await posts.findPost(tx, postId, unitFilter(actor), true);
      if (!row) throw notFound('post');
      const post = (await this.posts.views(tx, [row], false))[0]!;
      if (post.status !== 'in_review') throw new AppError('conflict', `the post is ${post.status}, not in review`, { status: post.status });
      if (opts.version !== undefined && opts.version !== post.version) {
        throw new AppError('conflict', `the post was edited since you opened it (version ${post.version}, yours ${opts.version}); review it again`, { version: post.version });
      }
      if (post.authorId === actor.userId) throw forbidden('you wrote this post: someone else must decide on it');
      if (!inScope(actor, post.unitId)) throw notFound('post');
      const role = post.nextApproverRole;
      if (!role) throw new AppError('conflict', 'the post has no approval step waiting');
      if (role !== actor.role) throw forbidden(`this step waits for ${role}, not ${actor.role}`);

      const step = post.approvalStep;
      const recorded = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'changes_requested';
      await posts.insertApproval(tx, { postId, postVersion: post.version, step, role, actorId: actor.userId, decision: recorded, comment });
      let status: PostStatus;
      let nextStep = step;
      if (decision === 'approve') {
        nextStep = step + 1;
        status = nextStep >= post.approvalChain.length ? 'approved' : 'in_review';
      } else if (decision === 'reject') {
        status = 'rejected';
      } else {
        status = 'changes_requested';
        nextStep = 0;
      }
      await posts.setPostState(tx, postId, status, nextStep);
      const action = decision === 'approve' ? (status === 'approved' ? 'post.approved' : 'post.step_approved') : decision === 'reject' ? 'post.rejected' : 'post.changes_requested';
      await this.audit.record(tx, {
        actor,
        action,
        targetType: 'post',
        targetId: postId,
        unitId: post.unitId,
        details: { version: post.version, step, role, of: post.approvalChain.length, comment },
      });
      return this.posts.load(tx, postId);
    });
  }

  /** What waits on this actor: posts in review, in their units, written by someone else, whose next step is their role. */
  async inbox(actor: Actor, limit = 100): Promise<PostView[]> {
    if (!can(actor, 'posts.approve')) return [];
    const want = Math.min(Math.max(limit, 1), 500);
    // SQL narrows to posts whose chain holds the role; which step waits is worked out from the
    // merged chain, so read a margin beyond the page and cut after filtering.
    const rows = await posts.listInReviewFor(this.db, unitFilter(actor), actor.role, actor.userId, want * 4);
    const views = await this.posts.views(this.db, rows, false);
    return views.filter((p) => p.nextApproverRole === actor.role).slice(0, want);
  }
}
