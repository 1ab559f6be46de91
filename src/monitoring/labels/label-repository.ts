import type { Queryable } from '../../db/database.js';

/** A mention as the labelling sees it: what the model decided and which model, and its units. */
export interface LabelledMentionRow {
  id: string;
  labels: string[];
  model: string | null;
  unitIds: string[];
}

export interface JudgementRow {
  id: string;
  mentionId: string;
  label: string;
  value: string;
  predicted: string | null;
  model: string | null;
  analystId: string;
  analystName: string;
  labelledAt: Date;
  note: string | null;
}

export interface NewJudgement {
  label: string;
  value: string;
  predicted: string | null;
  note: string | null;
}

/** The mention, only when it lies in the scope (null: every unit; an array: these units only). */
export async function findMentionForLabels(q: Queryable, id: string, scope: readonly string[] | null): Promise<LabelledMentionRow | null> {
  const rows = await q.query<LabelledMentionRow>(
    `SELECT id::text AS id, labels, model, unit_ids AS "unitIds"
       FROM mentions WHERE id = $1::bigint AND ($2::text[] IS NULL OR unit_ids && $2::text[])`,
    [id, scope === null ? null : [...scope]],
  );
  return rows[0] ?? null;
}

/** Appends judgements; earlier rows are never changed. */
export async function insertJudgements(q: Queryable, mentionId: string, model: string | null, analystId: string, rows: readonly NewJudgement[]): Promise<void> {
  await q.execute(
    `INSERT INTO mention_labels (mention_id, label, value, predicted, model, analyst_id, note)
     SELECT $1::bigint, j.label, j.value, j.predicted, $2, $3::uuid, j.note
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS j(label, value, predicted, note, n)
      ORDER BY j.n`,
    [mentionId, model, analystId, rows.map((r) => r.label), rows.map((r) => r.value), rows.map((r) => r.predicted), rows.map((r) => r.note)],
  );
}

/** Every judgement of a mention, newest first. */
export async function judgementsOf(q: Queryable, mentionId: string): Promise<JudgementRow[]> {
  return q.query<JudgementRow>(
    `SELECT l.id::text AS id, l.mention_id::text AS "mentionId", l.label, l.value, l.predicted, l.model,
            l.analyst_id::text AS "analystId", u.display_name AS "analystName", l.labelled_at AS "labelledAt", l.note
       FROM mention_labels l JOIN users u ON u.id = l.analyst_id
      WHERE l.mention_id = $1::bigint
      ORDER BY l.id DESC`,
    [mentionId],
  );
}

/** One training row's worth: a mention's current text and an analyst's latest value for a label. */
export interface LatestJudgementRow {
  mentionId: string;
  text: string;
  label: string;
  value: string;
}

/** Ids of labelled mentions after `after`, in id order: the pages training reads. */
export async function labelledMentionIds(q: Queryable, after: string | null, limit: number): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT DISTINCT mention_id::text AS id, mention_id FROM mention_labels
      WHERE ($1::bigint IS NULL OR mention_id > $1::bigint) ORDER BY mention_id LIMIT $2`,
    [after, limit],
  );
  return rows.map((r) => r.id);
}

/**
 * The latest judgement per (mention, label, analyst) of these mentions, with the mention's current
 * text, newest first within a mention and label: what training learns from. Deleted mentions are
 * left out: their current text is no longer what was judged.
 */
export async function latestJudgements(q: Queryable, mentionIds: readonly string[]): Promise<LatestJudgementRow[]> {
  return q.query<LatestJudgementRow>(
    `SELECT l.mention_id::text AS "mentionId", m.text, l.label, l.value
       FROM (SELECT DISTINCT ON (mention_id, label, analyst_id) id, mention_id, label, value
               FROM mention_labels WHERE mention_id = ANY($1::bigint[])
              ORDER BY mention_id, label, analyst_id, id DESC) l
       JOIN mentions m ON m.id = l.mention_id
      WHERE m.deleted_at IS NULL
      ORDER BY l.mention_id, l.label, l.id DESC`,
    [mentionIds],
  );
}
