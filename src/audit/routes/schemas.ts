import { Type } from '@sinclair/typebox';
import { MAX_PAGE } from '../audit-log.js';

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()], { description: 'null for the system (jobs, seeding, CLI)' }),
  actorLabel: Type.String(),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const AuditListQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    actorId: Type.Optional(Type.String({ format: 'uuid' })),
    targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'entries at or after this time' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'entries before this time' })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'the nextBefore of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 })),
  },
  { additionalProperties: false },
);

export const AuditPage = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  nextBefore: Type.Union([Type.Integer(), Type.Null()], { description: 'pass as ?before= for the next (older) page; null on the last page' }),
});

export const AuditVerifyResult = Type.Object({
  ok: Type.Boolean(),
  count: Type.Integer({ description: 'entries checked and found intact' }),
  brokenAt: Type.Optional(Type.Integer({ description: 'the id of the first entry where the chain breaks' })),
  reason: Type.Optional(Type.String()),
});
