import { useTranslation } from 'react-i18next';
import { monitoringApi } from '../api/monitoring.js';
import { Link } from '../router/router.js';
import { useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/names.js';
import { useLoad } from '../ui/use-load.js';
import { LabelExplanations } from './LabelExplanations.js';
import { LabelJudgements } from './LabelJudgements.js';
import { labelScores, prettyJson } from './safe-text.js';
import { Author, ExternalLink, LangName, MentionCard, MentionText, placeText, PlatformLabel, useLabelText, useUnitLabel } from './shared.js';

/** One mention as evidence: text, author, links, versions, raw payload, cluster, labels and watches. */
export function MentionPage({ mentionId }: { mentionId: string }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const unitLabel = useUnitLabel();
  const labelText = useLabelText();
  const { data, error, loading } = useLoad(() => monitoringApi.mention(mentionId), [mentionId]);

  if (error) {
    return (
      <div className="page">
        <h1>{t('monitoring.detail.title')}</h1>
        <ErrorMessage error={error} />
      </div>
    );
  }
  if (!data || loading) return <p className="muted">{t('app.loading')}</p>;
  const { mention: m, versions, cluster, watches, explanation } = data;
  const scores = labelScores(m.scores);
  const links = [
    { key: 'replyTo', value: m.replyTo, id: m.related.replyTo },
    { key: 'quoteOf', value: m.quoteOf, id: m.related.quoteOf },
    { key: 'shareOf', value: m.shareOf, id: m.related.shareOf },
  ].filter((l) => l.value);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('monitoring.detail.title')}</h1>
          <p className="muted">{t('monitoring.detail.audited')}</p>
        </div>
        <Link to="/monitoring/stream" className="btn">
          {t('monitoring.detail.back')}
        </Link>
      </div>

      <section className="panel" data-testid="mention-detail">
        <dl className="dl-grid">
          <dt>{t('monitoring.detail.platform')}</dt>
          <dd>
            <PlatformLabel platform={m.platform} /> · <code>{m.externalId}</code>
          </dd>
          <dt>{t('monitoring.detail.author')}</dt>
          <dd data-testid="detail-author">
            <Author m={m} />
            {m.authorExternalId ? <span className="muted small"> ({m.authorExternalId})</span> : null}
          </dd>
          <dt>{t('monitoring.detail.posted')}</dt>
          <dd>{formatDateTime(m.createdAt, locale)}</dd>
          <dt>{t('monitoring.detail.received')}</dt>
          <dd>{formatDateTime(m.receivedAt, locale)}</dd>
          <dt>{t('monitoring.detail.language')}</dt>
          <dd>
            <LangName lang={m.lang} />
          </dd>
          <dt>{t('monitoring.detail.url')}</dt>
          <dd data-testid="detail-url">{m.url ? <ExternalLink url={m.url} /> : <span className="muted">{t('monitoring.detail.none')}</span>}</dd>
          {links.map((l) => (
            <FragmentRow key={l.key} label={t(`monitoring.detail.${l.key}`)} value={l.value!} mentionId={l.id} />
          ))}
          <dt>{t('monitoring.detail.units')}</dt>
          <dd>{m.unitIds.length ? m.unitIds.map(unitLabel).join(', ') : <span className="muted">{t('monitoring.detail.none')}</span>}</dd>
          <dt>{t('monitoring.detail.place')}</dt>
          <dd>{placeText(m, unitLabel, locale) || <span className="muted">{t('monitoring.detail.none')}</span>}</dd>
          <dt>{t('monitoring.detail.expires')}</dt>
          <dd>
            {m.expiresAt ? formatDateTime(m.expiresAt, locale) : <span className="muted">{t('monitoring.detail.none')}</span>}
            {m.holds.length > 0 ? <span className="badge badge-on"> {t('monitoring.detail.held')}</span> : null}
          </dd>
        </dl>
        <h2>{t('monitoring.detail.text')}</h2>
        {m.deleted ? <p className="badge badge-warn">{t('monitoring.deleted')}</p> : null}
        <MentionText text={m.text} />
      </section>

      <section className="panel">
        <h2>{t('monitoring.detail.labels')}</h2>
        {m.labels.length === 0 && scores.length === 0 ? <p className="muted">{t('monitoring.detail.noLabels')}</p> : null}
        {m.labels.length > 0 ? (
          <p className="mention-labels">
            {m.labels.map((label) => (
              <span key={label} className="badge badge-warn">
                {labelText(label)}
              </span>
            ))}
          </p>
        ) : null}
        {scores.length > 0 ? (
          <table className="table" data-testid="scores">
            <thead>
              <tr>
                <th>{t('monitoring.detail.label')}</th>
                <th>{t('monitoring.detail.score')}</th>
              </tr>
            </thead>
            <tbody>
              {scores.map((s) => (
                <tr key={s.label}>
                  <td>{labelText(s.label)}</td>
                  <td>{s.score.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {m.model ? <p className="muted small">{t('monitoring.detail.model', { model: m.model })}</p> : null}
        {explanation ? <LabelExplanations explanation={explanation} labelText={labelText} /> : null}
        <LabelJudgements key={m.id} mentionId={m.id} labelText={labelText} />
      </section>

      <section className="panel">
        <h2>{t('monitoring.detail.watches')}</h2>
        {watches.length === 0 ? (
          <p className="muted">{t('monitoring.detail.noWatches')}</p>
        ) : (
          <ul className="plain-list">
            {watches.map((w) => (
              <li key={w.id}>
                <Link to={`/monitoring/watches/${encodeURIComponent(w.id)}`}>{w.name}</Link> <span className="muted small">{formatDateTime(w.matchedAt, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel">
        <h2>{t('monitoring.detail.cluster')}</h2>
        {cluster ? (
          <>
            <p data-testid="cluster-summary">
              {t('monitoring.detail.clusterSummary', { count: cluster.size, first: formatDateTime(cluster.firstSeenAt, locale), last: formatDateTime(cluster.lastSeenAt, locale) })}
            </p>
            {cluster.firstMentionId && cluster.firstMentionId !== m.id ? (
              <p>
                <Link to={`/monitoring/mentions/${encodeURIComponent(cluster.firstMentionId)}`}>{t('monitoring.detail.firstSeenMention')}</Link>
              </p>
            ) : null}
            <div className="mention-list">
              {cluster.members
                .filter((c) => c.id !== m.id)
                .map((c) => (
                  <MentionCard key={c.id} m={c} />
                ))}
            </div>
          </>
        ) : (
          <p className="muted">{t('monitoring.detail.noCluster')}</p>
        )}
      </section>

      <section className="panel">
        <h2>{t('monitoring.detail.versions')}</h2>
        {versions.length === 0 ? (
          <p className="muted">{t('monitoring.detail.noVersions')}</p>
        ) : (
          <ol className="plain-list" data-testid="versions">
            {versions.map((v) => (
              <li key={v.version}>
                <p className="small">
                  {t('monitoring.detail.version', { version: v.version, seen: formatDateTime(v.seenAt, locale), superseded: formatDateTime(v.supersededAt, locale) })}
                  {v.deleted ? <span className="badge badge-warn"> {t('monitoring.deleted')}</span> : null}
                </p>
                <MentionText text={v.text} />
                {v.url ? <ExternalLink url={v.url} /> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="panel">
        <h2>{t('monitoring.detail.engagement')}</h2>
        <pre className="raw-json">{prettyJson(m.engagement)}</pre>
        <h2>{t('monitoring.detail.media')}</h2>
        <pre className="raw-json">{prettyJson(m.media)}</pre>
        <h2>{t('monitoring.detail.raw')}</h2>
        <p className="muted small">{t('monitoring.detail.rawHint')}</p>
        <pre className="raw-json" data-testid="raw-payload">
          {prettyJson(m.raw)}
        </pre>
      </section>
    </div>
  );
}

/** A related post by its id on the platform; a link to its mention page when it is stored and the caller may see it. */
function FragmentRow({ label, value, mentionId }: { label: string; value: string; mentionId: string | null }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid="related-mention">
        {mentionId ? (
          <Link to={`/monitoring/mentions/${encodeURIComponent(mentionId)}`}>
            <code>{value}</code>
          </Link>
        ) : (
          <code>{value}</code>
        )}
      </dd>
    </>
  );
}
