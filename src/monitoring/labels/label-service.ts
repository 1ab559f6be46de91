import type { AuditLog } from '../../audit/audit-log.js';
import { can, unitFilter, type Actor } from '../../auth/actor.js';
import type { Database, Queryable } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { ALL_LABELS, type Label } from '../../nlp/classify/labels.js';
import { checkJudgements, decodeValue, predictedValue, type JudgementInput, type LabelValue } from './label-rules.js';
import { findMentionForLabels, insertJudgements, judgementsOf, type JudgementRow, type LabelledMentionRow } from './label-repository.js';

export interface Judgement {
  id: string;
  label: string;
  value: LabelValue;
  /** The model's decision shown when the judgement was made (null: the mention was not classified). */
  predicted: LabelValue | null;
  model: string | null;
  analyst: { id: string; name: string };
  at: string;
  note: string | null;
}

export interface MentionLabels {
  mentionId: string;
  /** The model that classified the mention, and its decision per label, as the page shows them. */
  model: string | null;
  labels: {
    label: string;
    predicted: LabelValue | null;
    /** Each analyst's latest judgement of this label, newest first. */
    current: Judgement[];
  }[];
  /** Every judgement ever given, newest first (the latest per analyst and label included). */
  history: Judgement[];
  abilities: { label: boolean };
}

export interface LabelDeps {
  db: Database;
  audit: AuditLog;
}

/**
 * Analysts confirm or correct a mention's labels; their judgements are kept with who and when and
 * the model whose decision they saw, and become training data (`chhavi train --with-analyst-labels`).
 * Only a reader whose units hold the mention finds it.
 */
export class LabelService {
  constructor(private readonly deps: LabelDeps) {}

  async list(actor: Actor, mentionId: string): Promise<MentionLabels> {
    const mention = await this.find(this.deps.db, actor, mentionId);
    return present(actor, mention, await judgementsOf(this.deps.db, mention.id));
  }

  /** Appends the judgements (audited as mention.labelled) and answers the mention's labels after. */
  async judge(actor: Actor, mentionId: string, items: readonly JudgementInput[]): Promise<MentionLabels> {
    const checked = checkJudgements(items);
    return this.deps.db.transaction(async (tx) => {
      const mention = await this.find(tx, actor, mentionId);
      const rows = checked.map((j) => ({ ...j, predicted: predictedValue(j.label, mention.labels, mention.model) }));
      await insertJudgements(tx, mention.id, mention.model, actor.userId, rows);
      await this.deps.audit.record(tx, {
        actor,
        action: 'mention.labelled',
        targetType: 'mention',
        targetId: mention.id,
        unitId: mention.unitIds[0] ?? null,
        details: {
          model: mention.model,
          judgements: rows.map((r) => ({ label: r.label, value: decodeValue(r.label, r.value), predicted: r.predicted === null ? null : decodeValue(r.label, r.predicted), noted: r.note !== null })),
        },
      });
      return present(actor, mention, await judgementsOf(tx, mention.id));
    });
  }

  private async find(q: Queryable, actor: Actor, id: string): Promise<LabelledMentionRow> {
    const row = /^\d{1,18}$/.test(id) ? await findMentionForLabels(q, id, unitFilter(actor)) : null;
    if (!row) throw notFound(`mention ${id}`);
    return row;
  }
}

function view(r: JudgementRow): Judgement {
  return {
    id: r.id,
    label: r.label,
    value: decodeValue(r.label, r.value),
    predicted: r.predicted === null ? null : decodeValue(r.label, r.predicted),
    model: r.model,
    analyst: { id: r.analystId, name: r.analystName },
    at: r.labelledAt.toISOString(),
    note: r.note,
  };
}

function present(actor: Actor, mention: LabelledMentionRow, rows: readonly JudgementRow[]): MentionLabels {
  const history = rows.map(view);
  return {
    mentionId: mention.id,
    model: mention.model,
    labels: ALL_LABELS.map((label: Label) => {
      const predicted = predictedValue(label, mention.labels, mention.model);
      const seen = new Set<string>();
      const current: Judgement[] = [];
      for (const j of history) {
        if (j.label !== label || seen.has(j.analyst.id)) continue;
        seen.add(j.analyst.id);
        current.push(j);
      }
      return { label, predicted: predicted === null ? null : decodeValue(label, predicted), current };
    }),
    history,
    abilities: { label: can(actor, 'mentions.label') },
  };
}

const services = new WeakMap<LabelDeps, LabelService>();

/** The label service of a context (one per context, made on first use). */
export function labelService(deps: LabelDeps): LabelService {
  let s = services.get(deps);
  if (!s) {
    s = new LabelService({ db: deps.db, audit: deps.audit });
    services.set(deps, s);
  }
  return s;
}
