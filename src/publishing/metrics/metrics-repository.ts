import type { Queryable } from '../../db/database.js';
import type { RemoteMetrics } from '../../platforms/connector.js';

export interface MetricPoint {
  collectedAt: Date;
  pull: string;
  likes: number;
  shares: number;
  comments: number;
  views: number | null;
}

export async function insertMetrics(q: Queryable, publicationId: string, pull: string, m: RemoteMetrics, at: Date): Promise<void> {
  await q.execute(
    `INSERT INTO publication_metrics (publication_id, collected_at, pull, likes, shares, comments, views)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (publication_id, collected_at) DO NOTHING`,
    [publicationId, at, pull, m.likes, m.shares, m.comments, m.views],
  );
}

export async function metricsOf(q: Queryable, publicationId: string): Promise<MetricPoint[]> {
  return q.query<MetricPoint>(
    `SELECT collected_at AS "collectedAt", pull, likes, shares, comments, views FROM publication_metrics
     WHERE publication_id = $1 ORDER BY collected_at`,
    [publicationId],
  );
}

/** What a pull needs: the publication's remote post and its account (null when not published). */
export async function publishedRef(q: Queryable, publicationId: string): Promise<{ remoteId: string; unitId: string; platform: string; credentialsEnc: string | null; publishedAt: Date } | null> {
  const rows = await q.query<{ remoteId: string; unitId: string; platform: string; credentialsEnc: string | null; publishedAt: Date }>(
    `SELECT pb.remote_id AS "remoteId", pb.unit_id AS "unitId", a.platform, a.credentials_enc AS "credentialsEnc", pb.published_at AS "publishedAt"
     FROM publications pb JOIN social_accounts a ON a.id = pb.account_id
     WHERE pb.id = $1 AND pb.state = 'published' AND pb.remote_id IS NOT NULL`,
    [publicationId],
  );
  return rows[0] ?? null;
}
