import { Type } from '@sinclair/typebox';
import { JUDGEMENTS_MAX, NOTE_MAX } from '../labels/label-rules.js';

const Value = Type.Union([Type.Boolean(), Type.String({ maxLength: 32 })], { description: 'true/false for a binary label, a class for aggression (overt, covert, none) and sentiment (positive, negative, neutral)' });
const NullableValue = Type.Union([Type.Boolean(), Type.String(), Type.Null()]);

export const JudgeLabelsBody = Type.Object(
  {
    judgements: Type.Array(
      Type.Object(
        {
          label: Type.String({ maxLength: 64, description: 'a label of the classifier: hostile, fake, hate, offensive, defamation, abusive, police_related, complaint, crime_report, praise, aggression, sentiment' }),
          value: Value,
          note: Type.Optional(Type.String({ maxLength: NOTE_MAX })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: JUDGEMENTS_MAX, description: 'one entry per label judged: the value confirms the model\'s decision or corrects it' },
    ),
  },
  { additionalProperties: false },
);

const JudgementSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  value: Type.Union([Type.Boolean(), Type.String()]),
  predicted: NullableValue,
  model: Type.Union([Type.String(), Type.Null()]),
  analyst: Type.Object({ id: Type.String(), name: Type.String() }),
  at: Type.String({ format: 'date-time' }),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const MentionLabelsSchema = Type.Object({
  mentionId: Type.String(),
  model: Type.Union([Type.String(), Type.Null()]),
  labels: Type.Array(Type.Object({ label: Type.String(), predicted: NullableValue, current: Type.Array(JudgementSchema) })),
  history: Type.Array(JudgementSchema),
  abilities: Type.Object({ label: Type.Boolean() }),
});
