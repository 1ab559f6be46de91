import { api } from './client.js';

/**
 * Analysts' judgements of a mention's labels (src/monitoring/routes/mention-labels-*.ts): the
 * model's decision per label, each analyst's latest judgement with who and when, and the history.
 */
export type LabelValue = boolean | string;

export interface Judgement {
  id: string;
  label: string;
  value: LabelValue;
  /** The model's decision shown when the judgement was made; null when nothing had classified the mention. */
  predicted: LabelValue | null;
  model: string | null;
  analyst: { id: string; name: string };
  at: string;
  note: string | null;
}

export interface MentionLabels {
  mentionId: string;
  model: string | null;
  labels: { label: string; predicted: LabelValue | null; current: Judgement[] }[];
  history: Judgement[];
  abilities: { label: boolean };
}

export interface JudgementInput {
  label: string;
  value: LabelValue;
  note?: string;
}

/** The values a label takes: classes for the multi-class labels, true and false for the others. */
export const LABEL_CLASSES: Record<string, readonly string[] | undefined> = {
  aggression: ['overt', 'covert', 'none'],
  sentiment: ['positive', 'negative', 'neutral'],
};

export function valuesOf(label: string): readonly LabelValue[] {
  return LABEL_CLASSES[label] ?? [true, false];
}

const path = (mentionId: string) => `/monitoring/mentions/${encodeURIComponent(mentionId)}/labels`;

export const mentionLabelsApi = {
  get: (mentionId: string) => api.get<MentionLabels>(path(mentionId)),
  judge: (mentionId: string, judgements: JudgementInput[]) => api.post<MentionLabels>(path(mentionId), { judgements }),
};
