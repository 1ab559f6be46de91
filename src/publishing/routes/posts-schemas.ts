import { Type } from '@sinclair/typebox';
import { PlatformSchema, RoleSchema } from './accounts-schemas.js';

export const PostStatusSchema = Type.Union([
  Type.Literal('draft'),
  Type.Literal('in_review'),
  Type.Literal('changes_requested'),
  Type.Literal('rejected'),
  Type.Literal('approved'),
  Type.Literal('cancelled'),
  Type.Literal('published'),
  Type.Literal('partially_published'),
  Type.Literal('failed'),
]);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const FieldIssueSchema = Type.Object({
  field: Type.String({ description: 'the field of the post, e.g. variants[0].text' }),
  code: Type.String(),
  limit: Type.Optional(Type.Number()),
  actual: Type.Optional(Type.Number()),
  message: Type.String(),
});

export const VariantSchema = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  account: Type.Object({ platform: PlatformSchema, handle: Type.String(), displayName: Type.String(), active: Type.Boolean() }),
  text: Type.String(),
  link: Nullable(Type.String()),
  hashtags: Type.Array(Type.String()),
  mediaIds: Type.Array(Type.String()),
  title: Nullable(Type.String()),
  publishedText: Type.String({ description: 'the text as it will be published: the preview' }),
  counter: Type.Object({
    used: Type.Integer(),
    limit: Type.Integer(),
    unit: Type.Union([Type.Literal('weighted'), Type.Literal('graphemes'), Type.Literal('characters'), Type.Literal('bytes')]),
  }),
});

export const ApprovalSchema = Type.Object({
  postVersion: Type.Integer(),
  step: Type.Integer(),
  role: RoleSchema,
  actorId: Type.String(),
  actorName: Type.String(),
  decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('changes_requested')]),
  comment: Nullable(Type.String()),
  at: Type.String(),
});

export const PostAbilitiesSchema = Type.Object({
  edit: Type.Boolean(),
  submit: Type.Boolean(),
  approve: Type.Boolean(),
  reject: Type.Boolean(),
  requestChanges: Type.Boolean(),
  cancel: Type.Boolean(),
  publishNow: Type.Boolean(),
});

export const PostSchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  authorId: Type.String(),
  authorName: Type.String(),
  campaign: Nullable(Type.String()),
  templateId: Nullable(Type.String()),
  status: PostStatusSchema,
  version: Type.Integer(),
  approvalStep: Type.Integer(),
  approvalChain: Type.Array(RoleSchema),
  nextApproverRole: Nullable(RoleSchema),
  scheduledAt: Nullable(Type.String({ description: 'UTC, ISO 8601' })),
  timeZone: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  variants: Type.Array(VariantSchema),
  issues: Type.Array(FieldIssueSchema, { description: 'platform-limit problems that stop submission' }),
  approvals: Type.Array(ApprovalSchema),
  can: PostAbilitiesSchema,
});

export const PostEnvelope = Type.Object({ post: PostSchema });

const Sha = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const VariantInputSchema = Type.Object(
  {
    accountId: Type.String({ format: 'uuid' }),
    text: Type.String({ maxLength: 70_000 }),
    link: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    hashtags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 30 })),
    mediaIds: Type.Optional(Type.Array(Sha, { maxItems: 10 })),
    title: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);

const ScheduledAt = Type.String({ maxLength: 40, description: 'ISO time with offset, or a wall time like 2026-12-01T10:00 in timeZone' });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone (default: the force’s)' });
const UnitId = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' });

export const CreatePostBody = Type.Object(
  {
    unitId: UnitId,
    campaign: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
    scheduledAt: Type.Optional(Nullable(ScheduledAt)),
    timeZone: Type.Optional(TimeZone),
    variants: Type.Array(VariantInputSchema, { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);

export const UpdatePostBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the version the editor opened; a newer one answers 409' })),
    campaign: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
    scheduledAt: Type.Optional(Nullable(ScheduledAt)),
    timeZone: Type.Optional(TimeZone),
    variants: Type.Optional(Type.Array(VariantInputSchema, { minItems: 1, maxItems: 30 })),
  },
  { additionalProperties: false },
);

export const CheckPostBody = Type.Object({ unitId: UnitId, variants: Type.Array(VariantInputSchema, { minItems: 1, maxItems: 30 }) }, { additionalProperties: false });

export const CancelPostBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });

export const DecisionBody = Type.Object(
  {
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the version the approver reviewed; a newer one answers 409' })),
  },
  { additionalProperties: false },
);

export const CommentRequiredBody = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 2000 }), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
