import type { Queryable } from '../../db/database.js';

export interface TemplateRow {
  id: string;
  nameEn: string;
  nameHi: string;
  category: string;
  textEn: string;
  textHi: string;
  hashtags: string[];
  mediaIds: string[];
  placeholders: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  /** Posts made from this template (for campaign counts). */
  postCount: number;
}

const COLUMNS = `t.id, t.name_en AS "nameEn", t.name_hi AS "nameHi", t.category, t.text_en AS "textEn", t.text_hi AS "textHi", t.hashtags,
  t.media_ids AS "mediaIds", t.placeholders, t.active, t.created_at AS "createdAt", t.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM posts p WHERE p.template_id = t.id) AS "postCount"`;

const normalise = (r: TemplateRow): TemplateRow => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), updatedAt: new Date(r.updatedAt).toISOString() });

export type TemplateFields = Pick<TemplateRow, 'nameEn' | 'nameHi' | 'category' | 'textEn' | 'textHi' | 'hashtags' | 'mediaIds' | 'placeholders' | 'active'>;

export async function listTemplates(q: Queryable, f: { category?: string | undefined; text?: string | undefined; active?: boolean | undefined }): Promise<TemplateRow[]> {
  const rows = await q.query<TemplateRow>(
    `SELECT ${COLUMNS} FROM templates t
     WHERE ($1::text IS NULL OR t.category = $1)
       AND ($2::text IS NULL OR (t.name_en || ' ' || t.name_hi || ' ' || t.text_en || ' ' || t.text_hi) ILIKE '%' || $2 || '%')
       AND ($3::boolean IS NULL OR t.active = $3)
     ORDER BY t.category, t.name_en`,
    [f.category ?? null, f.text ? f.text.replace(/[\\%_]/g, (c) => `\\${c}`) : null, f.active ?? null],
  );
  return rows.map(normalise);
}

export async function findTemplate(q: Queryable, id: string, forUpdate = false): Promise<TemplateRow | null> {
  const rows = await q.query<TemplateRow>(`SELECT ${COLUMNS} FROM templates t WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0] ? normalise(rows[0]) : null;
}

export async function findTemplateByName(q: Queryable, nameEn: string): Promise<string | null> {
  const rows = await q.query<{ id: string }>('SELECT id FROM templates WHERE lower(name_en) = lower($1)', [nameEn]);
  return rows[0]?.id ?? null;
}

export async function insertTemplate(q: Queryable, t: TemplateFields, createdBy: string | null): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO templates (name_en, name_hi, category, text_en, text_hi, hashtags, media_ids, placeholders, active, created_by)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7::text[], $8::text[], $9, $10) RETURNING id`,
    [t.nameEn, t.nameHi, t.category, t.textEn, t.textHi, t.hashtags, t.mediaIds, t.placeholders, t.active, createdBy],
  );
  return rows[0]!.id;
}

export async function updateTemplate(q: Queryable, id: string, t: TemplateFields): Promise<void> {
  await q.execute(
    `UPDATE templates SET name_en = $2, name_hi = $3, category = $4, text_en = $5, text_hi = $6, hashtags = $7::text[], media_ids = $8::text[],
       placeholders = $9::text[], active = $10, updated_at = now() WHERE id = $1`,
    [id, t.nameEn, t.nameHi, t.category, t.textEn, t.textHi, t.hashtags, t.mediaIds, t.placeholders, t.active],
  );
}
