import { Type } from '@sinclair/typebox';

/** Schemas of delivery's routes: calendar, publications, pauses, notices, metrics, CSV. */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PublicationStateSchema = Type.Union([
  Type.Literal('scheduled'),
  Type.Literal('publishing'),
  Type.Literal('published'),
  Type.Literal('failed'),
  Type.Literal('needs_verification'),
  Type.Literal('held'),
  Type.Literal('cancelled'),
]);

export const PublicationAbilitiesSchema = Type.Object({
  retry: Type.Boolean(),
  cancel: Type.Boolean(),
  publishNow: Type.Boolean(),
  markPublished: Type.Boolean(),
});

export const CalendarTargetSchema = Type.Object({
  variantId: Type.String(),
  accountId: Type.String(),
  platform: Type.String(),
  handle: Type.String(),
  publicationId: Nullable(Type.String()),
  state: Nullable(PublicationStateSchema),
  stateReason: Nullable(Type.String()),
  remoteUrl: Nullable(Type.String()),
  errorKind: Nullable(Type.String()),
  errorMessage: Nullable(Type.String({ description: "the platform's own words" })),
  publishedAt: Nullable(Type.String()),
  can: PublicationAbilitiesSchema,
});

export const CalendarEntrySchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  authorId: Type.String(),
  authorName: Type.String(),
  campaign: Nullable(Type.String()),
  templateId: Nullable(Type.String()),
  status: Type.String(),
  version: Type.Integer(),
  scheduledAt: Type.String({ description: 'UTC' }),
  timeZone: Type.String(),
  scheduledLocal: Type.String({ description: "the time in the post's zone, with its offset" }),
  preview: Type.String(),
  waitingForApproval: Type.Boolean({ description: 'due but not approved: it waits, and its author has been told' }),
  paused: Type.Boolean({ description: "a crisis pause covers the post's unit" }),
  targets: Type.Array(CalendarTargetSchema),
  can: Type.Object({ reschedule: Type.Boolean(), publishNow: Type.Boolean() }),
});

export const PublicationDetailSchema = Type.Object({
  id: Type.String(),
  postId: Type.String(),
  accountId: Type.String(),
  unitId: Type.String(),
  postVersion: Type.Integer(),
  idempotencyKey: Type.String(),
  state: PublicationStateSchema,
  stateReason: Nullable(Type.String()),
  attempts: Type.Integer(),
  dueAt: Type.String(),
  nextAttemptAt: Type.String(),
  remoteId: Nullable(Type.String()),
  remoteUrl: Nullable(Type.String()),
  errorKind: Nullable(Type.String()),
  errorCode: Nullable(Type.String()),
  errorMessage: Nullable(Type.String({ description: "the platform's own words" })),
  startedAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  history: Type.Array(
    Type.Object({
      attempt: Type.Integer(),
      mode: Type.String(),
      startedAt: Type.String(),
      endedAt: Nullable(Type.String()),
      outcome: Nullable(Type.String()),
      errorKind: Nullable(Type.String()),
      errorCode: Nullable(Type.String()),
      errorMessage: Nullable(Type.String()),
    }),
  ),
  can: PublicationAbilitiesSchema,
});

export const PublicationEnvelope = Type.Object({ publication: PublicationDetailSchema });
export const CalendarEntryEnvelope = Type.Object({ post: CalendarEntrySchema });

export const UuidParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const CalendarQuery = Type.Object(
  {
    from: Type.String({ format: 'date-time', description: 'start of the range (inclusive), an ISO time with offset' }),
    to: Type.String({ format: 'date-time', description: 'end of the range (exclusive); at most 120 days after from' }),
    unitId: Type.Optional(Type.String({ maxLength: 32 })),
    accountId: Type.Optional(Type.String({ format: 'uuid' })),
    campaign: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);

export const RescheduleBody = Type.Object(
  {
    scheduledAt: Type.String({ minLength: 1, maxLength: 40, description: 'YYYY-MM-DDTHH:mm in timeZone, or an ISO time with its offset' }),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "IANA zone; default the post's zone" })),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const MarkPublishedBody = Type.Object(
  {
    remoteUrl: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://' })),
    remoteId: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const NoticeSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  postId: Type.String(),
  publicationId: Nullable(Type.String()),
  unitId: Type.String(),
  message: Type.String(),
  createdAt: Type.String(),
  read: Type.Boolean(),
});

export const NoticesQuery = Type.Object(
  { unread: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
  { additionalProperties: false },
);
