import { Type } from '@sinclair/typebox';
import { LEGAL_BASIS_MAX, LEGAL_BASIS_MIN, NAME_MAX, PURPOSE_MAX, PURPOSE_MIN, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, UNITS_MAX } from '../watches/watch-rules.js';
import { MAX_QUERY_LENGTH } from '../query/lexer.js';
import { PAGE_MAX, POLL_MAX_SECONDS } from '../stream/stream-service.js';
import { POLL_SECONDS_MAX, POLL_SECONDS_MIN, SOURCE_NAME_MAX, SOURCE_URL_MAX } from '../sources/source-rules.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const UnitId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' });
const MentionId = Type.String({ pattern: '^[0-9]{1,18}$', description: 'a mention id' });
const Time = Type.String({ format: 'date-time' });

export const WatchSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  query: Type.String({ description: 'the query as written (see docs/monitoring.md for the language)' }),
  ownerId: Type.String({ format: 'uuid' }),
  ownerName: Type.String(),
  purpose: Type.String(),
  legalBasis: Type.String(),
  unitIds: Type.Array(Type.String()),
  expiresAt: Time,
  retentionDays: Type.Integer(),
  paused: Type.Boolean(),
  status: Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('expired')]),
  version: Type.Integer(),
  createdBy: Type.String({ format: 'uuid' }),
  createdAt: Time,
  updatedAt: Time,
  matchCount: Type.Integer(),
  abilities: Type.Object({ edit: Type.Boolean() }),
});
export const WatchEnvelope = Type.Object({ watch: WatchSchema });

const Name = Type.String({ minLength: 1, maxLength: NAME_MAX });
const Query = Type.String({ minLength: 1, maxLength: MAX_QUERY_LENGTH, description: 'AND, OR, NOT, ( ), "phrases", NEAR/n, word*, #hashtag, @handle, lang:, unit:, platform:' });
const Purpose = Type.String({ minLength: PURPOSE_MIN, maxLength: PURPOSE_MAX, description: 'why the watch exists, written out' });
const LegalBasis = Type.String({ minLength: LEGAL_BASIS_MIN, maxLength: LEGAL_BASIS_MAX, description: 'the law, order or mandate the watch rests on' });
const UnitIds = Type.Array(UnitId, { minItems: 1, maxItems: UNITS_MAX, description: 'the units the watch concerns' });
const Retention = Type.Integer({ minimum: RETENTION_MIN_DAYS, maximum: RETENTION_MAX_DAYS, description: 'days the matched mentions are kept' });

export const CreateWatchBody = Type.Object(
  {
    name: Name,
    query: Query,
    ownerId: Type.Optional(Type.String({ format: 'uuid', description: 'defaults to the caller' })),
    purpose: Purpose,
    legalBasis: LegalBasis,
    unitIds: UnitIds,
    expiresAt: Type.String({ format: 'date-time', description: 'in the future, at most 180 days ahead' }),
    retentionDays: Retention,
  },
  { additionalProperties: false },
);

export const UpdateWatchBody = Type.Object(
  {
    name: Type.Optional(Name),
    query: Type.Optional(Query),
    ownerId: Type.Optional(Type.String({ format: 'uuid' })),
    purpose: Type.Optional(Purpose),
    legalBasis: Type.Optional(LegalBasis),
    unitIds: Type.Optional(UnitIds),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
    retentionDays: Type.Optional(Retention),
    paused: Type.Optional(Type.Boolean()),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'apply only to this version' })),
  },
  { additionalProperties: false },
);

export const ExpireWatchBody = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false });

export const TestWatchBody = Type.Object(
  { query: Query, limit: Type.Optional(Type.Integer({ minimum: 0, maximum: PAGE_MAX })) },
  { additionalProperties: false },
);

export const WatchIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const UnitIdParams = Type.Object({ id: UnitId });
export const MentionIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const WatchListQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('expired')])),
  unitId: Type.Optional(UnitId),
});

export const MentionSummarySchema = Type.Object({
  id: MentionId,
  platform: Type.String(),
  externalId: Type.String(),
  url: Nullable(Type.String()),
  authorHandle: Nullable(Type.String()),
  authorName: Nullable(Type.String()),
  authorPseudonymised: Type.Boolean(),
  text: Type.String({ description: 'raw text as posted; never HTML: escape it when showing' }),
  lang: Nullable(Type.String()),
  labels: Type.Array(Type.String()),
  geoDistrict: Nullable(Type.String()),
  geoStation: Nullable(Type.String({ description: 'police station id (the stations table)' })),
  geoStationName: Type.Union([Type.Object({ nameEn: Type.String(), nameHi: Type.String() }), Type.Null()]),
  unitIds: Type.Array(Type.String()),
  clusterId: Nullable(Type.String()),
  clusterSize: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(),
  deleted: Type.Boolean(),
  createdAt: Time,
  ingestedAt: Time,
});

const filters = {
  watchId: Type.Optional(Type.String({ format: 'uuid' })),
  unitId: Type.Optional(UnitId),
  lang: Type.Optional(Type.String({ maxLength: 16 })),
  label: Type.Optional(Type.String({ maxLength: 64 })),
  platform: Type.Optional(Type.String({ maxLength: 32 })),
  clusterId: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'full-text and trigram (spelling-tolerant) search' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_MAX })),
};

export const MentionListQuery = Type.Object({ ...filters, before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', description: 'the nextBefore of the previous page' })) });
export const MentionListPage = Type.Object({
  mentions: Type.Array(MentionSummarySchema),
  nextBefore: Nullable(Type.String()),
  latest: Type.Union([Type.String(), Type.Null()], { description: 'the newest id: start the live updates from it' }),
});

export const MentionPollQuery = Type.Object({
  ...filters,
  after: Type.String({ pattern: '^[0-9]{1,18}$', description: 'the latest or cursor of the previous answer' }),
  wait: Type.Optional(Type.Integer({ minimum: 0, maximum: POLL_MAX_SECONDS, default: 25, description: 'seconds to wait for the first new mention' })),
});
export const MentionPollPage = Type.Object({ mentions: Type.Array(MentionSummarySchema), cursor: Type.String(), more: Type.Boolean() });

export const MentionDetailEnvelope = Type.Object({
  mention: Type.Intersect([
    MentionSummarySchema,
    Type.Object({
      authorExternalId: Nullable(Type.String()),
      normalized: Type.String(),
      replyTo: Nullable(Type.String()),
      quoteOf: Nullable(Type.String()),
      shareOf: Nullable(Type.String()),
      related: Type.Object(
        { replyTo: Nullable(Type.String()), quoteOf: Nullable(Type.String()), shareOf: Nullable(Type.String()) },
        { description: 'the stored mentions (ids) that this one answers, quotes or shares, on the same platform, when the caller may see them' },
      ),
      media: Type.Unknown(),
      engagement: Type.Unknown(),
      raw: Type.Unknown({ description: 'the payload as received (evidence)' }),
      scores: Type.Unknown(),
      model: Nullable(Type.String()),
      sourceId: Nullable(Type.String()),
      receivedAt: Time,
      updatedAt: Time,
      expiresAt: Nullable(Time),
      holds: Type.Array(Type.String()),
    }),
  ]),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      text: Type.String(),
      url: Nullable(Type.String()),
      media: Type.Unknown(),
      engagement: Type.Unknown(),
      raw: Type.Unknown(),
      deleted: Type.Boolean(),
      seenAt: Time,
      supersededAt: Time,
    }),
  ),
  cluster: Type.Union([
    Type.Object({ id: Type.String(), size: Type.Integer(), firstSeenAt: Time, lastSeenAt: Time, firstMentionId: Nullable(Type.String()), members: Type.Array(MentionSummarySchema) }),
    Type.Null(),
  ]),
  watches: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), matchedAt: Time })),
  explanation: Type.Union([
    Type.Object(
      {
        model: Type.String({ description: 'the text model that explained (the one in use now, which may be newer than the one that labelled)' }),
        labels: Type.Array(
          Type.Object({
            label: Type.String({ description: 'as the mention carries it: `hostile`, `sentiment:negative`' }),
            ngrams: Type.Array(Type.Object({ ngram: Type.String({ description: 'a word or character n-gram of the normalised text (`<` and `>` mark a word edge, `~` a sound-alike key); text, never HTML' }), weight: Type.Number() })),
          }),
        ),
      },
      { description: 'for each label the mention carries, the n-grams that pushed it most, computed on request and not stored' },
    ),
    Type.Null(),
  ]),
});

export const TestResultSchema = Type.Object({
  days: Type.Integer(),
  scanned: Type.Integer(),
  matched: Type.Integer(),
  truncated: Type.Boolean(),
  byDay: Type.Array(Type.Object({ day: Type.String(), n: Type.Integer() })),
  mentions: Type.Array(MentionSummarySchema),
});

export const SourceHealthSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  unitIds: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  pollSeconds: Type.Union([Type.Integer(), Type.Null()]),
  lastRunAt: Nullable(Time),
  lastSuccessAt: Nullable(Time),
  lastErrorAt: Nullable(Time),
  lastError: Nullable(Type.String()),
  consecutiveFailures: Type.Integer(),
  retryAt: Nullable(Type.String({ format: 'date-time', description: 'a failing source: when it is polled again (backoff, or the Retry-After its server sent)' })),
  lastItemAt: Nullable(Time),
  lagSeconds: Type.Union([Type.Number(), Type.Null()]),
  itemsTotal: Type.Number(),
  state: Type.Union([Type.Literal('ok'), Type.Literal('failing'), Type.Literal('idle'), Type.Literal('disabled')]),
  url: Nullable(Type.String({ description: 'the feed address (rss) or Sandbox API base (sandbox, null: this server)' })),
  webhookPath: Nullable(Type.String({ description: 'a webhook source: its endpoint under /api/v1' })),
  abilities: Type.Object({ manage: Type.Boolean({ description: 'the caller may edit, enable and disable this source' }) }),
});

const SourceName = Type.String({ minLength: 1, maxLength: SOURCE_NAME_MAX, pattern: '\\S' });
const SourceUrl = Type.String({ minLength: 1, maxLength: SOURCE_URL_MAX, description: 'http or https, without a user name or password' });
const PollSeconds = Type.Integer({ minimum: POLL_SECONDS_MIN, maximum: POLL_SECONDS_MAX, description: 'seconds between polls' });

export const ManagedSourceSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  name: Type.String(),
  unitIds: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  pollSeconds: Type.Union([Type.Integer(), Type.Null()]),
  url: Nullable(Type.String()),
  webhookPath: Nullable(Type.String()),
});

export const CreateSourceBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('rss'), Type.Literal('webhook'), Type.Literal('sandbox')], { description: 'rss: an RSS or Atom feed; webhook: mentions pushed and signed; sandbox: the Sandbox public feed' }),
    name: SourceName,
    unitIds: Type.Optional(Type.Array(UnitId, { maxItems: UNITS_MAX, description: 'units its mentions concern; a scoped caller gives at least one of theirs' })),
    url: Type.Optional(SourceUrl),
    pollSeconds: Type.Optional(PollSeconds),
    platform: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$', description: 'webhook: platform of mentions that name none (default webhook)' })),
  },
  { additionalProperties: false },
);
export const CreatedSourceEnvelope = Type.Object({
  source: ManagedSourceSchema,
  secret: Nullable(Type.String({ description: 'a webhook source: its signing secret, shown this once' })),
});

export const UpdateSourceBody = Type.Object(
  {
    name: Type.Optional(SourceName),
    pollSeconds: Type.Optional(PollSeconds),
    url: Type.Optional(Type.Union([SourceUrl, Type.Null()], { description: 'rss: the feed address; sandbox: the API base, null for this server' })),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const SourceIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const SourceEnvelope = Type.Object({ source: ManagedSourceSchema });

export const ImportQuery = Type.Object(
  {
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('jsonl')], { description: 'default: from the Content-Type, else from the name' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'the file name, for the report and the audit log' })),
    platform: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$', description: 'platform of rows that name none (default import)' })),
    unitId: Type.Optional(Type.Array(UnitId, { maxItems: UNITS_MAX, description: 'units the mentions concern (repeat the parameter)' })),
    restart: Type.Optional(Type.Boolean({ description: 'start from the first line even if this file was imported before' })),
  },
  { additionalProperties: false },
);
export const ImportReportSchema = Type.Object({
  file: Type.String(),
  format: Type.Union([Type.Literal('csv'), Type.Literal('jsonl')]),
  sourceId: Type.String(),
  rows: Type.Integer({ description: 'rows read, good and bad' }),
  accepted: Type.Integer({ description: 'good rows handed to the stream in this run' }),
  resumedAfterLine: Type.Integer({ description: 'an earlier run of the same file had committed up to this line' }),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() })),
});

const Counts = Type.Array(Type.Object({ key: Type.String(), label: Type.Optional(Type.String({ description: 'the watch name, for counts by watch' })), n: Type.Integer() }));
export const SummaryQuery = Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })) });
export const SummarySchema = Type.Object({ days: Type.Integer(), total: Type.Integer(), byLang: Counts, byPlatform: Counts, byUnit: Counts, byDay: Counts, byWatch: Counts });

export const PrivacySchema = Type.Object({ unitId: Type.String(), pseudonymiseAuthors: Type.Boolean(), updatedBy: Nullable(Type.String()), updatedAt: Nullable(Time) });
export const PrivacyBody = Type.Object({ pseudonymiseAuthors: Type.Boolean() }, { additionalProperties: false });
