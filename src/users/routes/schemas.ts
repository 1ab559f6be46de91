import { Type } from '@sinclair/typebox';
import { RoleSchema } from '../../auth/routes/schemas.js';

export const UserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    allUnits: Type.Boolean(),
    unitIds: Type.Array(Type.String()),
    disabled: Type.Boolean(),
    locked: Type.Boolean({ description: 'locked after failed sign-ins; an admin may unlock' }),
    totpEnabled: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);

export const UserIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const UnitIdList = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 500 });
export const UserEnvelope = Type.Object({ user: UserSchema });
