import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monitoringApi, type SourceHealth } from '../api/monitoring.js';
import { useCan, useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/names.js';
import { useLoad } from '../ui/use-load.js';
import { useUnitLabel } from './shared.js';
import { ImportPanel } from './ImportPanel.js';
import { webhookUrl } from './source-form.js';
import { SourceFormPanel } from './SourceFormPanel.js';
import { lagParts, sortSources } from './source-health.js';
import './monitoring.css';

const STATE_BADGE: Record<string, string> = { ok: 'badge-on', failing: 'badge-warn', idle: 'badge-off', disabled: 'badge-off' };

/**
 * Where mentions come from and whether each source is healthy: last success, last error, lag.
 * Those who may manage sources add, edit and switch them here, and import files of mentions.
 */
export function SourcesPage() {
  const { t } = useTranslation();
  const { locale } = useSession();
  const can = useCan();
  const unitLabel = useUnitLabel();
  const { data, error, loading, reload } = useLoad(() => monitoringApi.sources(), []);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const editing = data?.sources.find((s) => s.id === editingId) ?? null;
  const anyManaged = Boolean(data?.sources.some((s) => s.abilities.manage));

  const setEnabled = async (s: SourceHealth, enabled: boolean) => {
    setSwitching(s.id);
    setActionError(null);
    try {
      await monitoringApi.updateSource(s.id, { enabled });
      reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setSwitching(null);
    }
  };

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
      <ErrorMessage error={actionError} />
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
                {anyManaged ? <th>{t('monitoring.sources.actions')}</th> : null}
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
                    {s.url ? (
                      <code className="details source-address" dir="ltr">
                        {s.url}
                      </code>
                    ) : null}
                    {s.webhookPath ? (
                      <code className="details source-address" dir="ltr">
                        {webhookUrl(window.location.origin, s.webhookPath)}
                      </code>
                    ) : null}
                  </td>
                  <td data-label={t('monitoring.sources.state')}>
                    <span className={`badge ${STATE_BADGE[s.state] ?? 'badge-off'}`}>{t(`monitoring.sourceState.${s.state}`)}</span>
                    {s.consecutiveFailures > 0 ? <span className="muted small"> {t('monitoring.sources.failures', { count: s.consecutiveFailures })}</span> : null}
                    {s.state === 'failing' && s.retryAt ? (
                      <span className="muted small" data-testid="source-retry">
                        {' · '}
                        {t('monitoring.sources.retryAt', { time: formatDateTime(s.retryAt, locale) })}
                      </span>
                    ) : null}
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
                  {anyManaged ? (
                    <td data-label={t('monitoring.sources.actions')}>
                      {s.abilities.manage ? (
                        <div className="row-actions">
                          <button type="button" className="btn btn-small" onClick={() => setEditingId(s.id)}>
                            {t('monitoring.sources.edit')}
                          </button>
                          <button type="button" className={`btn btn-small${s.enabled ? ' btn-danger' : ''}`} disabled={switching === s.id} onClick={() => void setEnabled(s, !s.enabled)}>
                            {s.enabled ? t('monitoring.sources.disable') : t('monitoring.sources.enable')}
                          </button>
                        </div>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing && editing.abilities.manage ? <SourceFormPanel key={editing.id} source={editing} onDone={reload} onCancel={() => setEditingId(null)} /> : null}
      {can('sources.manage') ? <SourceFormPanel onDone={reload} /> : null}
      {can('mentions.import') ? <ImportPanel onImported={reload} /> : null}
      <section className="panel panel-later">
        <h2>{t('monitoring.sources.cliTitle')}</h2>
        <p className="muted">{t('monitoring.sources.cli')}</p>
      </section>
    </div>
  );
}
