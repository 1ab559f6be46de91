import { Type } from '@sinclair/typebox';
import { ALIAS_MAX, ALIASES_MAX, ID_PATTERN, NAME_MAX } from '../unit-rules.js';
import type { UnitKind } from '../unit-types.js';

const Id = Type.String({ pattern: ID_PATTERN, description: 'letters, digits, "-" and "_", at most 32' });
// Spelled out (not mapped from UNIT_KINDS) so the static type is the UnitKind union.
const Kind = Type.Union([Type.Literal('district'), Type.Literal('special'), Type.Literal('range'), Type.Literal('other')]);
const NameEn = Type.String({ minLength: 1, maxLength: NAME_MAX });
const NameHi = Type.String({ minLength: 1, maxLength: NAME_MAX, description: 'in Devanagari' });
const Aliases = Type.Array(Type.String({ maxLength: ALIAS_MAX }), { maxItems: ALIASES_MAX, description: 'other spellings, for matching place names in text' });

export const UnitSchema = Type.Object({
  id: Type.String(),
  kind: Kind,
  nameEn: Type.String(),
  nameHi: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  stationCount: Type.Integer(),
});

export const StationSchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  nameEn: Type.String(),
  nameHi: Type.String(),
  aliases: Type.Array(Type.String()),
  active: Type.Boolean(),
});

export const IdParams = Type.Object({ id: Id });

export const CreateUnitBody = Type.Object(
  { id: Id, kind: Kind, nameEn: NameEn, nameHi: NameHi, parentId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false },
);

export const UpdateUnitBody = Type.Object(
  { nameEn: Type.Optional(NameEn), nameHi: Type.Optional(NameHi), kind: Type.Optional(Kind), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const CreateStationBody = Type.Object(
  { id: Id, nameEn: NameEn, nameHi: NameHi, aliases: Type.Optional(Aliases) },
  { additionalProperties: false },
);

export const UpdateStationBody = Type.Object(
  { nameEn: Type.Optional(NameEn), nameHi: Type.Optional(NameHi), aliases: Type.Optional(Aliases), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const UnitEnvelope = Type.Object({ unit: UnitSchema });
export const StationEnvelope = Type.Object({ station: StationSchema });

// Fails to compile when UNIT_KINDS gains a kind that the schema lacks, or the other way round.
type SchemaKind = (typeof UnitSchema.properties.kind)['static'];
export const KINDS_IN_STEP: [UnitKind] extends [SchemaKind] ? ([SchemaKind] extends [UnitKind] ? true : never) : never = true;
