import { Type } from '@sinclair/typebox';

export const PlatformSchema = Type.Union([Type.Literal('x'), Type.Literal('facebook'), Type.Literal('youtube'), Type.Literal('bluesky'), Type.Literal('mastodon'), Type.Literal('sandbox')]);
export const RoleSchema = Type.Union([
  Type.Literal('admin'),
  Type.Literal('sb_supervisor'),
  Type.Literal('leadership'),
  Type.Literal('analyst'),
  Type.Literal('district_officer'),
  Type.Literal('agency_editor'),
]);
export const Uuid = Type.String({ format: 'uuid' });
export const UuidParams = Type.Object({ id: Uuid });
const UnitId = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' });

export const AccountSchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  platform: PlatformSchema,
  handle: Type.String(),
  displayName: Type.String(),
  approvalChain: Type.Array(RoleSchema),
  active: Type.Boolean(),
  hasCredentials: Type.Boolean(),
  publishable: Type.Boolean({ description: 'whether Chhavi can publish to this platform yet' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  can: Type.Object({ edit: Type.Boolean(), compose: Type.Boolean() }),
});

const Credentials = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 4000, description: 'access token; stored encrypted, never returned' }),
    extra: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 4000 }))),
  },
  { additionalProperties: false },
);
const Chain = Type.Array(RoleSchema, { minItems: 1, maxItems: 5, description: 'ordered roles that approve posts to this account' });

export const CreateAccountBody = Type.Object(
  {
    unitId: UnitId,
    platform: PlatformSchema,
    handle: Type.String({ minLength: 1, maxLength: 100 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    approvalChain: Type.Optional(Chain),
    credentials: Type.Optional(Credentials),
  },
  { additionalProperties: false },
);

export const UpdateAccountBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    approvalChain: Type.Optional(Chain),
    active: Type.Optional(Type.Boolean()),
    credentials: Type.Optional(Credentials),
  },
  { additionalProperties: false },
);

export const AccountEnvelope = Type.Object({ account: AccountSchema });
