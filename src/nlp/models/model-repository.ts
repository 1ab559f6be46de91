import type { Queryable } from '../../db/database.js';

export interface ModelRow {
  version: string;
  filePath: string;
  sha256: string;
  report: ModelReport;
  registeredAt: Date;
  registeredBy: string;
  active: boolean;
  activatedAt: Date | null;
  activatedBy: string | null;
}

/** The parts of a training report (`chhavi train` writes the whole of it) that are compared. */
export interface ModelReport {
  version?: string;
  anchors?: Record<string, number>;
  heads?: { label: string; threshold?: number; dev?: Record<string, { positiveF1?: number; macroF1?: number; weightedF1?: number }> }[];
}

const COLUMNS = `version, file_path AS "filePath", sha256, report, registered_at AS "registeredAt", registered_by AS "registeredBy",
  active, activated_at AS "activatedAt", activated_by AS "activatedBy"`;

export async function insertModel(q: Queryable, m: { version: string; filePath: string; sha256: string; report: ModelReport; registeredBy: string }): Promise<boolean> {
  const n = await q.execute(
    `INSERT INTO nlp_models (version, file_path, sha256, report, registered_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (version) DO NOTHING`,
    [m.version, m.filePath, m.sha256, JSON.stringify(m.report), m.registeredBy],
  );
  return n === 1;
}

export async function allModels(q: Queryable): Promise<ModelRow[]> {
  return q.query<ModelRow>(`SELECT ${COLUMNS} FROM nlp_models ORDER BY registered_at DESC, version`);
}

export async function findModel(q: Queryable, version: string): Promise<ModelRow | null> {
  return (await q.query<ModelRow>(`SELECT ${COLUMNS} FROM nlp_models WHERE version = $1`, [version]))[0] ?? null;
}

export async function activeModel(q: Queryable): Promise<ModelRow | null> {
  return (await q.query<ModelRow>(`SELECT ${COLUMNS} FROM nlp_models WHERE active`))[0] ?? null;
}

/** Makes `version` the one active model (locks the table so two activations cannot interleave). */
export async function setActive(q: Queryable, version: string, by: string | null): Promise<void> {
  await q.execute('LOCK TABLE nlp_models IN SHARE ROW EXCLUSIVE MODE');
  await q.execute('UPDATE nlp_models SET active = false WHERE active AND version <> $1', [version]);
  await q.execute('UPDATE nlp_models SET active = true, activated_at = now(), activated_by = $2 WHERE version = $1', [version, by]);
}
