import type { Queryable } from '../../db/database.js';

export interface MediaRow {
  sha256: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration: number | null;
  altEn: string;
  altHi: string;
  uploadedBy: string | null;
  createdAt: string;
}

const COLUMNS = `m.sha256, m.mime, m.bytes::float8 AS bytes, m.width, m.height, m.duration, m.alt_en AS "altEn", m.alt_hi AS "altHi",
  m.uploaded_by AS "uploadedBy", m.created_at AS "createdAt"`;

const normalise = (r: MediaRow): MediaRow => ({ ...r, bytes: Number(r.bytes), createdAt: new Date(r.createdAt).toISOString() });

/** Inserts the file's row unless the same content is already in the library; true when inserted. */
export async function insertMedia(q: Queryable, m: Omit<MediaRow, 'createdAt'>): Promise<boolean> {
  const n = await q.execute(
    `INSERT INTO media (sha256, mime, bytes, width, height, duration, alt_en, alt_hi, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (sha256) DO NOTHING`,
    [m.sha256, m.mime, m.bytes, m.width, m.height, m.duration, m.altEn, m.altHi, m.uploadedBy],
  );
  return n > 0;
}

export async function findMedia(q: Queryable, ids: readonly string[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<MediaRow>(`SELECT ${COLUMNS} FROM media m WHERE m.sha256 = ANY($1::text[])`, [[...ids]]);
  return rows.map(normalise);
}

/** The library, newest first; `text` matches the alt texts (English or Hindi), `kind` the type family. */
export async function searchMedia(q: Queryable, f: { text?: string | undefined; kind?: 'image' | 'video' | undefined; before?: string | undefined; limit: number }): Promise<MediaRow[]> {
  const rows = await q.query<MediaRow>(
    `SELECT ${COLUMNS} FROM media m
     WHERE ($1::text IS NULL OR (m.alt_en || ' ' || m.alt_hi) ILIKE '%' || $1 || '%')
       AND ($2::text IS NULL OR m.mime LIKE $2 || '/%')
       AND ($3::timestamptz IS NULL OR m.created_at < $3)
     ORDER BY m.created_at DESC, m.sha256 LIMIT $4`,
    [f.text ? f.text.replace(/[\\%_]/g, (c) => `\\${c}`) : null, f.kind ?? null, f.before ?? null, f.limit],
  );
  return rows.map(normalise);
}

export async function updateMediaAlt(q: Queryable, sha256: string, alt: { altEn: string; altHi: string }): Promise<void> {
  await q.execute('UPDATE media SET alt_en = $2, alt_hi = $3, updated_at = now() WHERE sha256 = $1', [sha256, alt.altEn, alt.altHi]);
}
