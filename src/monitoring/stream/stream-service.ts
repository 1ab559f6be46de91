import type { AuditLog } from '../../audit/audit-log.js';
import { unitFilter, type Actor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { mentionFeatures } from '../query/features.js';
import { searchQuery } from '../search/search-terms.js';
import { checkQuery } from '../watches/watch-rules.js';
import * as repo from './stream-repository.js';
import type { ClusterView, MentionDetail, MentionFilter, MentionSummary, MentionVersion, SourceHealthView } from './stream-types.js';

export const PAGE_MAX = 200;
const PAGE_DEFAULT = 50;
const POLL_INTERVAL_MS = 1000;
export const POLL_MAX_SECONDS = 30;
export const TEST_DAYS = 7;
/** The test view reads at most this many recent mentions (and says when it stopped early). */
export const TEST_SCAN_MAX = 200_000;
const TEST_PAGE = 2000;
const CLUSTER_MEMBERS = 20;
/** A search with no word in it: it matches nothing. */
const NO_WORDS = Symbol('no words');

export interface TestResult {
  days: number;
  scanned: number;
  matched: number;
  /** True when more mentions were in the window than the test reads. */
  truncated: boolean;
  byDay: { day: string; n: number }[];
  /** The newest matches (up to the limit asked). */
  mentions: MentionSummary[];
}

/**
 * The monitoring read side: the stream with its filters and search, the live long-poll, mention
 * detail (an audited view of personal data), the "test this watch" view, source health and the
 * aggregate counts. Everything is limited to the caller's units inside the SQL.
 */
export class StreamService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor, f: MentionFilter): Promise<{ mentions: MentionSummary[]; nextBefore: string | null; latest: string | null }> {
    const limit = pageSize(f.limit);
    const search = await this.searchTerms(f.q);
    const rows = search === NO_WORDS ? [] : await repo.listMentions(this.db, unitFilter(actor), { ...f, after: undefined }, search, limit + 1);
    const page = rows.slice(0, limit);
    return {
      mentions: page.map(summary),
      nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
      latest: f.before === undefined ? (page[0]?.id ?? (await repo.latestMentionId(this.db, unitFilter(actor)))) : null,
    };
  }

  /**
   * Mentions newer than `after`, oldest first; waits up to `waitSeconds` for the first one to
   * arrive (a long poll: the UI calls again with the returned cursor). `signal` ends the wait when
   * the client goes away.
   */
  async poll(actor: Actor, f: MentionFilter & { after: string }, waitSeconds: number, signal?: AbortSignal): Promise<{ mentions: MentionSummary[]; cursor: string; more: boolean }> {
    const limit = pageSize(f.limit);
    const deadline = Date.now() + Math.min(Math.max(waitSeconds, 0), POLL_MAX_SECONDS) * 1000;
    const search = await this.searchTerms(f.q);
    for (;;) {
      const rows = search === NO_WORDS ? [] : await repo.listMentions(this.db, unitFilter(actor), { ...f, before: undefined }, search, limit + 1);
      if (rows.length > 0 || Date.now() >= deadline || signal?.aborted) {
        const page = rows.slice(0, limit);
        return { mentions: page.map(summary), cursor: page.length ? page[page.length - 1]!.id : f.after, more: rows.length > limit };
      }
      await sleep(Math.min(POLL_INTERVAL_MS, deadline - Date.now()), signal);
    }
  }

  /** The free-text search as a tsquery over the mentions' search keys; null for none, NO_WORDS for a query without a word. */
  private async searchTerms(q: string | undefined): Promise<repo.SearchTerms | null | typeof NO_WORDS> {
    if (q === undefined || q.trim() === '') return null;
    const query = await searchQuery(this.db, q);
    return query === null ? NO_WORDS : { query };
  }

  /** One mention with its versions, cluster and matching watches. Viewing it is audited. */
  async detail(actor: Actor, id: string): Promise<{ mention: MentionDetail; versions: MentionVersion[]; cluster: ClusterView | null; watches: { id: string; name: string; matchedAt: string }[] }> {
    const scope = unitFilter(actor);
    const row = /^\d{1,18}$/.test(id) ? await repo.findMention(this.db, id, scope) : null;
    if (!row) throw notFound(`mention ${id}`);
    const [versions, watches, cluster] = await Promise.all([
      repo.mentionVersions(this.db, id),
      repo.matchedWatches(this.db, id, scope),
      row.clusterId ? this.cluster(actor, row.clusterId) : Promise.resolve(null),
    ]);
    await this.audit.record(this.db, {
      actor,
      action: 'mention.viewed',
      targetType: 'mention',
      targetId: id,
      unitId: row.unitIds.length === 1 ? row.unitIds[0]! : null,
      details: { platform: row.platform, externalId: row.externalId, authorPseudonymised: row.authorPseudonymised },
    });
    return {
      mention: {
        ...summary(row),
        authorExternalId: row.authorExternalId,
        normalized: row.normalized,
        replyTo: row.replyTo,
        quoteOf: row.quoteOf,
        shareOf: row.shareOf,
        related: { replyTo: row.replyToId, quoteOf: row.quoteOfId, shareOf: row.shareOfId },
        media: row.media,
        engagement: row.engagement,
        raw: row.raw,
        scores: row.scores,
        model: row.model,
        sourceId: row.sourceId,
        receivedAt: row.receivedAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
        holds: row.holds,
      },
      versions,
      cluster,
      watches: watches.map((w) => ({ id: w.id, name: w.name, matchedAt: w.matchedAt.toISOString() })),
    };
  }

  private async cluster(actor: Actor, clusterId: string): Promise<ClusterView | null> {
    const c = await repo.findCluster(this.db, clusterId);
    if (!c) return null;
    const members = await repo.listMentions(this.db, unitFilter(actor), { clusterId }, null, CLUSTER_MEMBERS);
    return { id: c.id, size: c.size, firstSeenAt: c.firstSeenAt.toISOString(), lastSeenAt: c.lastSeenAt.toISOString(), firstMentionId: c.firstMentionId, members: members.map(summary) };
  }

  /**
   * "Test this watch": what the query would have matched among the caller's mentions of the last
   * seven days, with counts per day and the newest matches. Throws `query_syntax` for a bad query.
   */
  async test(actor: Actor, query: string, limit = 50, now = new Date()): Promise<TestResult> {
    const compiled = checkQuery(query);
    const since = new Date(now.getTime() - TEST_DAYS * 86_400_000);
    const scope = unitFilter(actor);
    const byDay = new Map<string, number>();
    const mentions: MentionSummary[] = [];
    let scanned = 0;
    let matched = 0;
    let before: string | null = null;
    let truncated = false;
    for (;;) {
      const rows = await repo.recentForMatching(this.db, scope, since, before, TEST_PAGE);
      for (const r of rows) {
        scanned++;
        const f = mentionFeatures({ text: r.text, lang: r.lang, platform: r.platform, unitIds: r.unitIds, authorHandle: r.authorHandleRaw });
        if (!compiled.matches(f)) continue;
        matched++;
        const day = r.createdAt.toISOString().slice(0, 10);
        byDay.set(day, (byDay.get(day) ?? 0) + 1);
        if (mentions.length < Math.min(Math.max(limit, 0), PAGE_MAX)) mentions.push(summary(r));
      }
      if (rows.length < TEST_PAGE) break;
      before = rows[rows.length - 1]!.id;
      if (scanned >= TEST_SCAN_MAX) {
        truncated = true;
        break;
      }
    }
    return { days: TEST_DAYS, scanned, matched, truncated, byDay: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, n]) => ({ day, n })), mentions };
  }

  async sources(actor: Actor): Promise<SourceHealthView[]> {
    const rows = await repo.sourceHealth(this.db, unitFilter(actor));
    return rows.map((r) => ({ ...r, state: !r.enabled ? 'disabled' : r.lastRunAt === null ? 'idle' : r.consecutiveFailures > 0 ? 'failing' : 'ok' }));
  }

  /** Counts only (for leadership and dashboards): no text, no author. */
  async summary(actor: Actor, days: number): Promise<{ days: number; total: number; byLang: repo.CountRow[]; byPlatform: repo.CountRow[]; byUnit: repo.CountRow[]; byDay: repo.CountRow[]; byWatch: repo.CountRow[] }> {
    const since = new Date(Date.now() - days * 86_400_000);
    const scope = unitFilter(actor);
    const [byLang, byPlatform, byUnit, byDay, byWatch] = await Promise.all(
      (['lang', 'platform', 'unit', 'day', 'watch'] as const).map((by) => repo.countBy(this.db, scope, since, by)),
    );
    return { days, total: byLang!.reduce((s, r) => s + r.n, 0), byLang: byLang!, byPlatform: byPlatform!, byUnit: byUnit!, byDay: byDay!, byWatch: byWatch! };
  }
}

function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? PAGE_DEFAULT), 1), PAGE_MAX);
}

function summary(r: repo.SummaryRow): MentionSummary {
  return {
    id: r.id,
    platform: r.platform,
    externalId: r.externalId,
    url: r.url,
    authorHandle: r.authorHandle,
    authorName: r.authorName,
    authorPseudonymised: r.authorPseudonymised,
    text: r.text,
    lang: r.lang,
    labels: r.labels,
    geoDistrict: r.geoDistrict,
    geoStation: r.geoStation,
    geoStationName: r.stationNameEn === null ? null : { nameEn: r.stationNameEn, nameHi: r.stationNameHi ?? r.stationNameEn },
    unitIds: r.unitIds,
    clusterId: r.clusterId,
    clusterSize: r.clusterSize,
    version: r.version,
    deleted: r.deleted,
    createdAt: r.createdAt.toISOString(),
    ingestedAt: r.ingestedAt.toISOString(),
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
