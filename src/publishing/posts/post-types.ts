import type { Role } from '../../auth/roles.js';
import type { Platform, ValidationIssue } from '../../platforms/types.js';

export const POST_STATUSES = ['draft', 'in_review', 'changes_requested', 'rejected', 'approved', 'cancelled', 'published', 'partially_published', 'failed'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** Statuses in which the composer may still change a post. */
export const EDITABLE: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested', 'rejected', 'approved'];
/**
 * Statuses from which a post may be submitted for review. A rejected post or one with changes
 * requested becomes a draft again when its content is edited, so it cannot go back unchanged.
 */
export const SUBMITTABLE: readonly PostStatus[] = ['draft'];
/** Statuses from which a post may be cancelled (not yet out on any platform). */
export const CANCELLABLE: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested', 'rejected', 'approved'];

export interface VariantInput {
  accountId: string;
  text: string;
  link?: string | null | undefined;
  hashtags?: string[] | undefined;
  mediaIds?: string[] | undefined;
  title?: string | null | undefined;
}

export interface NewPost {
  unitId: string;
  campaign?: string | null | undefined;
  /** ISO time with offset, or a wall time (`2026-12-01T10:00`) in `timeZone`. */
  scheduledAt?: string | null | undefined;
  timeZone?: string | undefined;
  variants: VariantInput[];
}

export interface PostPatch {
  campaign?: string | null | undefined;
  scheduledAt?: string | null | undefined;
  timeZone?: string | undefined;
  /** Replaces the whole set of variants (variants of the same account keep their id). */
  variants?: VariantInput[] | undefined;
}

export interface VariantView {
  id: string;
  accountId: string;
  account: { platform: Platform; handle: string; displayName: string; active: boolean };
  text: string;
  link: string | null;
  hashtags: string[];
  mediaIds: string[];
  title: string | null;
  /** The text as it will be published (text, then missing hashtags, then the link): the preview. */
  publishedText: string;
  /** Length of the published text in the platform's unit, against its limit. */
  counter: { used: number; limit: number; unit: 'weighted' | 'graphemes' | 'characters' | 'bytes' };
}

export interface ApprovalView {
  postVersion: number;
  step: number;
  role: Role;
  actorId: string;
  actorName: string;
  decision: 'approved' | 'rejected' | 'changes_requested';
  comment: string | null;
  at: string;
}

/** A validation problem of one field of a post: `variants[0].text`, `scheduledAt`... */
export interface FieldIssue extends Omit<ValidationIssue, 'field'> {
  field: string;
}

export interface PostView {
  id: string;
  unitId: string;
  authorId: string;
  authorName: string;
  campaign: string | null;
  templateId: string | null;
  status: PostStatus;
  version: number;
  approvalStep: number;
  /** The roles that approve this post, in order: the ordered union of its accounts' chains. */
  approvalChain: Role[];
  /** The role whose decision the post waits for, while in review. */
  nextApproverRole: Role | null;
  scheduledAt: string | null;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
  variants: VariantView[];
  /** Platform-limit problems that stop the post from being submitted. */
  issues: FieldIssue[];
  approvals: ApprovalView[];
}

export interface PostAbilities {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  reject: boolean;
  requestChanges: boolean;
  cancel: boolean;
  publishNow: boolean;
}
