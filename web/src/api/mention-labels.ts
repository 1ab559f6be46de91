import { MULTICLASS_LABELS } from '../../../src/nlp/classify/labels.js';
import type { JudgementInput, LabelValue } from '../../../src/monitoring/labels/label-rules.js';
import type { MentionLabels } from '../../../src/monitoring/labels/label-service.js';
import { api } from './client.js';

/**
 * Analysts' judgements of a mention's labels (src/monitoring/routes/mention-labels-*.ts): the
 * model's decision per label, each analyst's latest judgement with who and when, and the history.
 */
export type { Judgement, MentionLabels } from '../../../src/monitoring/labels/label-service.js';
export type { JudgementInput, LabelValue } from '../../../src/monitoring/labels/label-rules.js';

/** The values a label takes: classes for the multi-class labels, true and false for the others. */
export function valuesOf(label: string): readonly LabelValue[] {
  return (MULTICLASS_LABELS as Record<string, readonly string[] | undefined>)[label] ?? [true, false];
}

const path = (mentionId: string) => `/monitoring/mentions/${encodeURIComponent(mentionId)}/labels`;

export const mentionLabelsApi = {
  get: (mentionId: string) => api.get<MentionLabels>(path(mentionId)),
  judge: (mentionId: string, judgements: JudgementInput[]) => api.post<MentionLabels>(path(mentionId), { judgements }),
};
