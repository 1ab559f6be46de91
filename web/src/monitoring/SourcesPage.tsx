import { useTranslation } from 'react-i18next';
import { monitoringApi } from '../api/monitoring.js';
import { useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/names.js';
import { useLoad } from '../ui/use-load.js';
import { useUnitLabel } from './shared.js';
import { lagParts, sortSources } from './source-health.js';
import './monitoring.css';

const STATE_BADGE: Record<string, string> = { ok: 'badge-on', failing: 'badge-warn', idle: 'badge-off', disabled: 'badge-off' };

/** Where mentions come from and whether each source is healthy: last success, last error, lag. */
export function SourcesPage() {
  const { t } = useTranslation();
  const { locale } = useSession();
  const unitLabel = useUnitLabel();
  const { data, error, loading, reload } = useLoad(() => monitoringApi.sources(), []);

  const lagText = (seconds: number | null) => {
    const lag = lagParts(seconds);
    return lag ? t(`monitoring.sources.lag_${lag.unit}`, { count: lag.value }) : t('monitoring.sources.unknown');
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('monitoring.sources.title')}</h1>
          <p className="muted">{t('monitoring.sources.intro')}</p>
        </div>
        <button type="button" className="btn" onClick={reload} disabled={loading}>
          {t('monitoring.sources.refresh')}
        </button>
      </div>
      <ErrorMessage error={error} />
      {loading && !data ? <p className="muted">{t('app.loading')}</p> : null}
      {data && data.sources.length === 0 ? <p className="muted">{t('monitoring.sources.none')}</p> : null}
      {data && data.sources.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="sources-table">
            <thead>
              <tr>
                <th>{t('monitoring.sources.name')}</th>
                <th>{t('monitoring.sources.kind')}</th>
                <th>{t('monitoring.sources.state')}</th>
                <th>{t('monitoring.sources.lastSuccess')}</th>
                <th>{t('monitoring.sources.lastError')}</th>
                <th>{t('monitoring.sources.lag')}</th>
                <th>{t('monitoring.sources.items')}</th>
                <th>{t('monitoring.sources.units')}</th>
              </tr>
            </thead>
            <tbody>
              {sortSources(data.sources).map((s) => (
                <tr key={s.id} data-state={s.state}>
                  <td data-label={t('monitoring.sources.name')} dir="auto">
                    {s.name}
                  </td>
                  <td data-label={t('monitoring.sources.kind')}>
                    {t(`monitoring.sourceKind.${s.kind}`, { defaultValue: s.kind })}
                    {s.pollSeconds !== null ? <span className="muted small"> · {t('monitoring.sources.every', { count: s.pollSeconds })}</span> : null}
                  </td>
                  <td data-label={t('monitoring.sources.state')}>
                    <span className={`badge ${STATE_BADGE[s.state] ?? 'badge-off'}`}>{t(`monitoring.sourceState.${s.state}`)}</span>
                    {s.consecutiveFailures > 0 ? <span className="muted small"> {t('monitoring.sources.failures', { count: s.consecutiveFailures })}</span> : null}
                  </td>
                  <td data-label={t('monitoring.sources.lastSuccess')}>{s.lastSuccessAt ? formatDateTime(s.lastSuccessAt, locale) : t('monitoring.sources.never')}</td>
                  <td data-label={t('monitoring.sources.lastError')}>
                    {s.lastErrorAt ? (
                      <>
                        <span>{formatDateTime(s.lastErrorAt, locale)}</span>
                        {s.lastError ? <code className="details"> {s.lastError}</code> : null}
                      </>
                    ) : (
                      t('monitoring.sources.noError')
                    )}
                  </td>
                  <td data-label={t('monitoring.sources.lag')}>{lagText(s.lagSeconds)}</td>
                  <td data-label={t('monitoring.sources.items')}>{s.itemsTotal}</td>
                  <td data-label={t('monitoring.sources.units')}>{s.unitIds.length ? s.unitIds.map(unitLabel).join(', ') : t('monitoring.sources.anyUnit')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <section className="panel panel-later">
        <h2>{t('monitoring.sources.manageTitle')}</h2>
        <p className="muted">{t('monitoring.sources.manageLater')}</p>
      </section>
    </div>
  );
}
