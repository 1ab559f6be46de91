import type { AuditLog } from '../../audit/audit-log.js';
import type { Database, Queryable } from '../../db/database.js';
import { consensus, decodeValue, type LabelValue } from './label-rules.js';
import { labelledMentionIds, latestJudgements, type LatestJudgementRow } from './label-repository.js';

/** A training row as `chhavi train` reads it (`src/nlp/train/datasets.ts` Row). */
export interface AnalystRow {
  id: string;
  text: string;
  labels: Record<string, LabelValue>;
}

const PAGE = 1000;

/**
 * Groups the latest judgements (ordered by mention, label, newest first) into one row per mention:
 * its current text and, per label, the value most of its analysts hold.
 */
export function toTrainingRows(rows: readonly LatestJudgementRow[]): AnalystRow[] {
  const out: AnalystRow[] = [];
  let i = 0;
  while (i < rows.length) {
    const mentionId = rows[i]!.mentionId;
    const row: AnalystRow = { id: `mention:${mentionId}`, text: rows[i]!.text, labels: {} };
    while (i < rows.length && rows[i]!.mentionId === mentionId) {
      const label = rows[i]!.label;
      const values: string[] = [];
      for (; i < rows.length && rows[i]!.mentionId === mentionId && rows[i]!.label === label; i++) values.push(rows[i]!.value);
      row.labels[label] = decodeValue(label, consensus(values)!);
    }
    out.push(row);
  }
  return out;
}

/** Every labelled mention as a training row, read a page of mentions at a time, in mention order. */
export async function* analystTrainingRows(q: Queryable): AsyncGenerator<AnalystRow> {
  let after: string | null = null;
  for (;;) {
    const ids = await labelledMentionIds(q, after, PAGE);
    if (ids.length === 0) return;
    yield* toTrainingRows(await latestJudgements(q, ids));
    after = ids[ids.length - 1]!;
  }
}

export async function readAnalystTrainingRows(q: Queryable): Promise<AnalystRow[]> {
  const out: AnalystRow[] = [];
  for await (const r of analystTrainingRows(q)) out.push(r);
  return out;
}

/**
 * Every labelled mention as a training row, for `chhavi labels export` or `chhavi train`: the rows
 * carry mention texts out of the database, so taking them is audited (mention_labels.exported).
 */
export async function exportAnalystLabels(deps: { db: Database; audit: AuditLog }, purpose: 'export' | 'train'): Promise<AnalystRow[]> {
  const rows = await readAnalystTrainingRows(deps.db);
  const judgements = rows.reduce((n, r) => n + Object.keys(r.labels).length, 0);
  await deps.audit.record(deps.db, {
    actor: { system: true, label: `cli ${purpose === 'train' ? 'train' : 'labels export'}` },
    action: 'mention_labels.exported',
    targetType: 'mention_labels',
    details: { purpose, mentions: rows.length, labels: judgements },
  });
  return rows;
}
