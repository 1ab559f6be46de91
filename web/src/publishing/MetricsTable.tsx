import { useTranslation } from 'react-i18next';
import { calendarApi } from '../api/publishing.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';
import { formatInZone, viewerTimeZone } from './zoned-time.js';

/** Likes, shares, comments and views of one publication, pulled at increasing intervals after publishing. */
export function MetricsTable({ publicationId }: { publicationId: string }) {
  const { t, i18n } = useTranslation();
  const series = useLoad(() => calendarApi.metrics(publicationId), [publicationId]);
  const zone = viewerTimeZone();
  if (series.error) return <ErrorMessage error={series.error} />;
  if (!series.data) return <p className="muted">{t('app.loading')}</p>;
  if (!series.data.metrics.length) return <p className="muted">{t('publishing.metrics.none')}</p>;
  return (
    <table className="table" data-testid="metrics">
      <thead>
        <tr>
          <th>{t('publishing.metrics.at')}</th>
          <th className="num">{t('publishing.metrics.likes')}</th>
          <th className="num">{t('publishing.metrics.shares')}</th>
          <th className="num">{t('publishing.metrics.comments')}</th>
          <th className="num">{t('publishing.metrics.views')}</th>
        </tr>
      </thead>
      <tbody>
        {series.data.metrics.map((m) => (
          <tr key={`${m.collectedAt}-${m.pull}`}>
            <td data-label={t('publishing.metrics.at')}>
              {formatInZone(m.collectedAt, zone, i18n.language)} <span className="muted">({m.pull})</span>
            </td>
            <td className="num" data-label={t('publishing.metrics.likes')}>{m.likes}</td>
            <td className="num" data-label={t('publishing.metrics.shares')}>{m.shares}</td>
            <td className="num" data-label={t('publishing.metrics.comments')}>{m.comments}</td>
            <td className="num" data-label={t('publishing.metrics.views')}>{m.views ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
