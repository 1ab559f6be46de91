/** The labels of the classify output (DESIGN.md §5), in the order of the model's outputs. */
export const BINARY_LABELS = [
  'hostile',
  'fake',
  'hate',
  'offensive',
  'defamation',
  'abusive',
  'police_related',
  'complaint',
  'crime_report',
  'praise',
] as const;
export type BinaryLabel = (typeof BINARY_LABELS)[number];

export const MULTICLASS_LABELS = {
  aggression: ['overt', 'covert', 'none'],
  sentiment: ['positive', 'negative', 'neutral'],
} as const;
export type MulticlassLabel = keyof typeof MULTICLASS_LABELS;
export type Aggression = (typeof MULTICLASS_LABELS.aggression)[number];
export type Sentiment = (typeof MULTICLASS_LABELS.sentiment)[number];

export type Label = BinaryLabel | MulticlassLabel;
export const ALL_LABELS: readonly Label[] = [...BINARY_LABELS, 'aggression', 'sentiment'];

/** Labels that criticism, complaints, protest and journalism must never receive. */
export const SAFEGUARDED_LABELS: readonly BinaryLabel[] = ['hostile', 'hate', 'offensive', 'abusive'];

export type Scores = Record<Label, number>;
export interface Decisions {
  hostile: boolean;
  fake: boolean;
  hate: boolean;
  offensive: boolean;
  defamation: boolean;
  abusive: boolean;
  police_related: boolean;
  complaint: boolean;
  crime_report: boolean;
  praise: boolean;
  aggression: Aggression;
  sentiment: Sentiment;
}

export function isBinaryLabel(s: string): s is BinaryLabel {
  return (BINARY_LABELS as readonly string[]).includes(s);
}
export function isMulticlassLabel(s: string): s is MulticlassLabel {
  return s === 'aggression' || s === 'sentiment';
}
