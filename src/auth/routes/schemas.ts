import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { ALL_PERMISSIONS } from '../permissions.js';
import { ROLES } from '../roles.js';
import type { ApiTokenRow } from '../token-store.js';

/** A union of string literals, typed as such (a plain `map` would lose the tuple and type as never). */
function literalUnion<const T extends readonly string[]>(values: T): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;
}

export const RoleSchema = literalUnion(ROLES);
export const PermissionSchema = Type.String({ enum: ALL_PERMISSIONS, description: 'a permission name' });
const Timestamp = Type.String({ format: 'date-time' });
const MaybeTimestamp = Type.Union([Timestamp, Type.Null()]);

export const MeSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    allUnits: Type.Boolean({ description: 'true when the user sees every unit' }),
    units: Type.Array(Type.Object({ id: Type.String(), nameEn: Type.String(), nameHi: Type.String() })),
    locale: Type.Union([Type.Literal('en'), Type.Literal('hi')]),
    totpEnabled: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
    csrfToken: Type.String({ description: 'send as the x-csrf-token header on every non-GET request of this session' }),
    permissions: Type.Array(PermissionSchema),
  },
  { $id: 'Me' },
);

export const ApiTokenSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    prefix: Type.String(),
    scopes: Type.Array(Type.String()),
    createdAt: Timestamp,
    lastUsedAt: MaybeTimestamp,
    expiresAt: MaybeTimestamp,
    revokedAt: MaybeTimestamp,
  },
  { $id: 'ApiToken' },
);
export type ApiTokenView = Static<typeof ApiTokenSchema>;

const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());

export function tokenView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
  };
}

export const NoContent = Type.Null({ description: 'done; no body' });
export const TokenIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
