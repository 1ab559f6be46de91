import { Type } from '@sinclair/typebox';

export const CategorySchema = Type.Union([
  Type.Literal('cyber_fraud'),
  Type.Literal('women_safety'),
  Type.Literal('traffic'),
  Type.Literal('child_safety'),
  Type.Literal('senior_citizens'),
  Type.Literal('drugs'),
  Type.Literal('festival'),
  Type.Literal('general'),
]);

export const TemplateSchema = Type.Object({
  id: Type.String(),
  nameEn: Type.String(),
  nameHi: Type.String(),
  category: Type.String(),
  textEn: Type.String(),
  textHi: Type.String(),
  hashtags: Type.Array(Type.String()),
  mediaIds: Type.Array(Type.String()),
  placeholders: Type.Array(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  postCount: Type.Integer({ description: 'posts made from this template' }),
  can: Type.Object({ edit: Type.Boolean(), use: Type.Boolean() }),
});

export const TemplateEnvelope = Type.Object({ template: TemplateSchema });

const Sha = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Fields = {
  nameEn: Type.String({ minLength: 1, maxLength: 120 }),
  nameHi: Type.String({ minLength: 1, maxLength: 120 }),
  category: CategorySchema,
  textEn: Type.Optional(Type.String({ maxLength: 5000, description: 'may use {unit_name}, {unit_name_hi}, {helpline_112}, {cyber_helpline_1930}…' })),
  textHi: Type.Optional(Type.String({ maxLength: 5000 })),
  hashtags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 30 })),
  mediaIds: Type.Optional(Type.Array(Sha, { maxItems: 10 })),
  active: Type.Optional(Type.Boolean()),
};

export const CreateTemplateBody = Type.Object(Fields, { additionalProperties: false });
export const UpdateTemplateBody = Type.Partial(Type.Object(Fields), { additionalProperties: false });

export const TemplatePostBody = Type.Object(
  {
    unitId: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' }),
    accountIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 30 }),
    language: Type.Union([Type.Literal('en'), Type.Literal('hi'), Type.Literal('both')]),
    campaign: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
    scheduledAt: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
