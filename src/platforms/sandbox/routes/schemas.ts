import { Type } from '@sinclair/typebox';

export const SandboxMetrics = Type.Object({ likes: Type.Integer(), shares: Type.Integer(), comments: Type.Integer(), views: Type.Integer() });

export const SandboxMediaItem = Type.Object(
  { sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), mime: Type.String({ maxLength: 100 }), bytes: Type.Integer({ minimum: 0 }), alt: Type.Optional(Type.String({ maxLength: 1500 })) },
  { additionalProperties: false },
);

export const SandboxPost = Type.Object({
  id: Type.String(),
  url: Type.String(),
  account: Type.Object({ handle: Type.String(), displayName: Type.String() }),
  text: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  media: Type.Array(Type.Object({ sha256: Type.String(), mime: Type.String(), bytes: Type.Integer(), alt: Type.String() })),
  createdAt: Type.String(),
  deleted: Type.Boolean(),
  metrics: SandboxMetrics,
});

export const SandboxComment = Type.Object({ id: Type.String(), author: Type.String(), text: Type.String(), at: Type.String() });

/** A page of a public feed: after this cursor, this many at most. */
export const FeedPage = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 20 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) });

export const SandboxFeedComment = Type.Object({
  id: Type.String(),
  post: Type.Object({ id: Type.String(), url: Type.String(), account: Type.String({ description: 'handle of the account whose post this answers' }) }),
  account: Type.Object({ handle: Type.String(), displayName: Type.String() }),
  text: Type.String(),
  createdAt: Type.String(),
});

export const PostIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) });

export const CreateSandboxPostBody = Type.Object(
  {
    // The Sandbox itself refuses over-long text with its own error; the schema only bounds the request.
    text: Type.String({ maxLength: 20_000 }),
    link: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    title: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    media: Type.Optional(Type.Array(SandboxMediaItem, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const FaultBody = Type.Object(
  {
    mode: Type.Union([
      Type.Literal('rate_limited'),
      Type.Literal('unauthorized'),
      Type.Literal('server_error'),
      Type.Literal('reject'),
      Type.Literal('drop_after_accept'),
      Type.Literal('delay'),
    ]),
    count: Type.Integer({ minimum: 1, maximum: 100_000, description: 'how many of the next calls answer with the fault' }),
    resetSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400, description: 'rate_limited: seconds until the limit resets' })),
    delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 120_000, description: 'delay: how long each call waits before answering' })),
    operations: Type.Optional(
      Type.Array(Type.Union([Type.Literal('publish'), Type.Literal('lookup'), Type.Literal('delete'), Type.Literal('metrics'), Type.Literal('comments')]), { minItems: 1, uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);
