import { useTranslation } from 'react-i18next';
import type { MentionSummary } from '../api/monitoring.js';
import { Link } from '../router/router.js';
import { useSession } from '../session/session.js';
import { formatDateTime, localName } from '../ui/names.js';
import { safeHref, splitLinks } from './safe-text.js';
import './monitoring.css';

/** Pieces the monitoring screens share. Everything from social media goes in as React text. */

export const LANGS = ['hi', 'en', 'hi-Latn', 'other'] as const;
export const SOURCE_PLATFORMS = ['sandbox', 'rss', 'webhook', 'import', 'x', 'facebook', 'youtube', 'bluesky', 'mastodon'] as const;

/** Text with its http(s) addresses as links that open apart from Chhavi; everything else as text. */
export function MentionText({ text, className }: { text: string; className?: string }) {
  return (
    <p className={className ?? 'mention-text'} dir="auto">
      {splitLinks(text).map((part, n) =>
        part.kind === 'link' ? (
          <a key={n} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {part.text}
          </a>
        ) : (
          <span key={n}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/** An address from a payload: a link only when it is http(s), else shown as text. */
export function ExternalLink({ url }: { url: string | null }) {
  if (!url) return null;
  const href = safeHref(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="mention-url">
      {url}
    </a>
  ) : (
    <code className="mention-url">{url}</code>
  );
}

export function LangName({ lang }: { lang: string | null }) {
  const { t } = useTranslation();
  if (!lang) return <>{t('monitoring.lang.unknown')}</>;
  return <>{t(`monitoring.lang.${lang.replace('-', '_')}`, { defaultValue: lang })}</>;
}

/** A label in the reader's language: `complaint`, or a decision such as `sentiment:negative`. */
export function useLabelText(): (label: string) => string {
  const { t } = useTranslation();
  return (label) => {
    const [name, value] = label.split(':', 2) as [string, string | undefined];
    const head = t(`monitoring.labels.${name}`, { defaultValue: name });
    return value === undefined ? head : `${head}: ${t(`monitoring.labelValues.${value}`, { defaultValue: value })}`;
  };
}

export function PlatformLabel({ platform }: { platform: string }) {
  const { t } = useTranslation();
  return <>{t(`monitoring.platform.${platform}`, { defaultValue: platform })}</>;
}

export function useUnitLabel(): (unitId: string) => string {
  const { units, locale } = useSession();
  return (unitId) => {
    const unit = units.find((u) => u.id === unitId);
    return unit ? localName(unit, locale) : unitId;
  };
}

export function Author({ m }: { m: Pick<MentionSummary, 'authorHandle' | 'authorName' | 'authorPseudonymised'> }) {
  const { t } = useTranslation();
  return (
    <span className="mention-author" dir="auto">
      {m.authorName ? <strong>{m.authorName}</strong> : null}
      {m.authorHandle ? <span className="muted"> @{m.authorHandle}</span> : null}
      {!m.authorName && !m.authorHandle ? <span className="muted">{t('monitoring.noAuthor')}</span> : null}
      {m.authorPseudonymised ? <span className="badge badge-off"> {t('monitoring.pseudonymised')}</span> : null}
    </span>
  );
}

/** Platform, author, time, language, labels, place and cluster of one mention, with its text. */
export function MentionCard({ m, showLink = true, scores }: { m: MentionSummary; showLink?: boolean; scores?: ReadonlyMap<string, number> }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const labelText = useLabelText();
  const unitLabel = useUnitLabel();
  return (
    <article className={`mention${m.deleted ? ' mention-deleted' : ''}`} data-testid="mention" data-mention-id={m.id}>
      <header className="mention-head">
        <span className="badge mention-platform">
          <PlatformLabel platform={m.platform} />
        </span>
        <Author m={m} />
        <time dateTime={m.createdAt} className="muted small">
          {formatDateTime(m.createdAt, locale)}
        </time>
        <span className="badge badge-off">
          <LangName lang={m.lang} />
        </span>
        {m.deleted ? <span className="badge badge-warn">{t('monitoring.deleted')}</span> : null}
        {m.version > 1 ? <span className="badge badge-warn">{t('monitoring.edited', { count: m.version - 1 })}</span> : null}
      </header>
      <MentionText text={m.text} />
      <footer className="mention-meta small">
        {m.labels.length > 0 ? (
          <span className="mention-labels">
            {m.labels.map((label) => {
              const score = scores?.get(label);
              return (
                <span key={label} className="badge badge-warn" data-label={label}>
                  {labelText(label)}
                  {score !== undefined ? ` ${score.toFixed(2)}` : ''}
                </span>
              );
            })}
          </span>
        ) : null}
        {m.geoDistrict || m.geoStation ? <span>{t('monitoring.geo', { place: placeText(m, unitLabel, locale) })}</span> : null}
        {m.clusterSize !== null && m.clusterSize > 1 ? <span data-testid="cluster-size">{t('monitoring.clusterSize', { count: m.clusterSize })}</span> : null}
        {showLink ? (
          <Link to={`/monitoring/mentions/${encodeURIComponent(m.id)}`} className="mention-open">
            {t('monitoring.open')}
          </Link>
        ) : null}
      </footer>
    </article>
  );
}

/**
 * Station and district of a geotag, by their names in the UI's language: the district by its unit
 * name where the session knows it, the station by the names the server sends (its id otherwise).
 */
export function placeText(m: Pick<MentionSummary, 'geoDistrict' | 'geoStation' | 'geoStationName'>, unitLabel: (unitId: string) => string, locale: string): string {
  const station = m.geoStationName ? localName(m.geoStationName, locale) : m.geoStation;
  return [station, m.geoDistrict ? unitLabel(m.geoDistrict) : null].filter(Boolean).join(', ');
}
