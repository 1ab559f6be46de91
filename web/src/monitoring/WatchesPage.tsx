import { useTranslation } from 'react-i18next';
import { monitoringApi } from '../api/monitoring.js';
import { Link } from '../router/router.js';
import { useCan, useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/names.js';
import { useLoad } from '../ui/use-load.js';
import { useUnitLabel } from './shared.js';
import { isExpired } from './watch-form.js';

/** The watches concerning the user's units: owner, purpose, legal basis, units, expiry, retention. */
export function WatchesPage() {
  const { t } = useTranslation();
  const { locale, currentUnit } = useSession();
  const can = useCan();
  const unitLabel = useUnitLabel();
  const { data, error, loading } = useLoad(() => monitoringApi.watches(currentUnit ? { unitId: currentUnit } : {}), [currentUnit]);
  const now = new Date();

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('monitoring.watches.title')}</h1>
          <p className="muted">{t('monitoring.watches.intro')}</p>
        </div>
        {can('watches.manage') ? (
          <Link to="/monitoring/watches/new" className="btn btn-primary">
            {t('monitoring.watches.new')}
          </Link>
        ) : null}
      </div>
      <ErrorMessage error={error} />
      {loading && !data ? <p className="muted">{t('app.loading')}</p> : null}
      {data && data.watches.length === 0 ? <p className="muted">{t('monitoring.watches.none')}</p> : null}
      {data && data.watches.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="watches-table">
            <thead>
              <tr>
                <th>{t('monitoring.watches.name')}</th>
                <th>{t('monitoring.watches.status')}</th>
                <th>{t('monitoring.watches.owner')}</th>
                <th>{t('monitoring.watches.purpose')}</th>
                <th>{t('monitoring.watches.legalBasis')}</th>
                <th>{t('monitoring.watches.units')}</th>
                <th>{t('monitoring.watches.expires')}</th>
                <th>{t('monitoring.watches.retention')}</th>
                <th>{t('monitoring.watches.matches')}</th>
              </tr>
            </thead>
            <tbody>
              {data.watches.map((w) => {
                const expired = isExpired(w, now);
                const status = expired ? 'expired' : w.status;
                return (
                  <tr key={w.id} className={expired ? 'watch-expired' : undefined} data-status={status}>
                    <td data-label={t('monitoring.watches.name')}>
                      <Link to={`/monitoring/watches/${encodeURIComponent(w.id)}`}>{w.name}</Link>
                    </td>
                    <td data-label={t('monitoring.watches.status')}>
                      <span className={`badge ${status === 'active' ? 'badge-on' : status === 'expired' ? 'badge-warn' : 'badge-off'}`}>{t(`monitoring.watchStatus.${status}`)}</span>
                    </td>
                    <td data-label={t('monitoring.watches.owner')}>{w.ownerName}</td>
                    <td data-label={t('monitoring.watches.purpose')} dir="auto">
                      {w.purpose}
                    </td>
                    <td data-label={t('monitoring.watches.legalBasis')} dir="auto">
                      {w.legalBasis}
                    </td>
                    <td data-label={t('monitoring.watches.units')}>{w.unitIds.map(unitLabel).join(', ')}</td>
                    <td data-label={t('monitoring.watches.expires')}>
                      <time dateTime={w.expiresAt}>{formatDateTime(w.expiresAt, locale)}</time>
                      {expired ? <span className="badge badge-warn"> {t('monitoring.watchStatus.expired')}</span> : null}
                    </td>
                    <td data-label={t('monitoring.watches.retention')}>{t('monitoring.watches.days', { count: w.retentionDays })}</td>
                    <td data-label={t('monitoring.watches.matches')}>
                      <Link to={`/monitoring/stream?watch=${encodeURIComponent(w.id)}`}>
                        {w.matchCount}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
