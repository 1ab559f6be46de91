import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { getClassifier } from '../../nlp/classify/load.js';
import { ALL_LABELS, MULTICLASS_LABELS, type Label } from '../../nlp/classify/labels.js';
import { explainLabel } from '../../nlp/enrich.js';
import { MentionDetailEnvelope, MentionIdParams } from './schemas.js';

/** N-grams shown per label: enough to see why, few enough to read. */
const EXPLAIN_TOP = 5;

export interface MentionExplanation {
  model: string;
  labels: { label: string; ngrams: { ngram: string; weight: number }[] }[];
}

/**
 * Why the mention carries each of its labels (`hostile`, `aggression:covert`): the n-grams of its
 * text that pushed that label (or class) most, by the model in use now. Computed for the reader who
 * opened the mention, never stored. Null when there is nothing to explain or no model to ask.
 */
export function explainMention(text: string, labels: readonly string[]): MentionExplanation | null {
  const known = labels
    .map((carried) => {
      const [name, cls] = carried.split(':', 2) as [string, string | undefined];
      if (!(ALL_LABELS as readonly string[]).includes(name)) return null;
      const classes = (MULTICLASS_LABELS as Record<string, readonly string[] | undefined>)[name];
      if (classes ? !cls || !classes.includes(cls) : cls !== undefined) return null;
      return { carried, label: name as Label, cls };
    })
    .filter((l) => l !== null);
  if (known.length === 0) return null;
  return {
    model: getClassifier().version,
    labels: known.map((l) => ({ label: l.carried, ngrams: explainLabel(text, l.label, EXPLAIN_TOP, l.cls) })),
  };
}

export function getMentionRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/mentions/:id',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'One mention: raw payload, earlier versions, its near-duplicate cluster, the watches that matched it, and why it carries its labels',
        description: 'Personal data: every view is written to the audit log.',
        params: MentionIdParams,
        response: { 200: MentionDetailEnvelope },
      },
      config: { policy: { permission: 'monitoring.read' } },
    },
    async (req) => {
      // The detail answers only a reader whose scope holds the mention; the explanation follows it.
      const detail = await ctx.monitoring.stream.detail(requireAuth(req).actor, req.params.id);
      return { ...detail, explanation: explainMention(detail.mention.text, detail.mention.labels) };
    },
  );
}
