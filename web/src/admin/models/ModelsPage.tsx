import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { modelsApi, type TextModel } from '../../api/models.js';
import { useCan } from '../../session/session.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatDateTime } from '../../ui/names.js';
import { useLoad } from '../../ui/use-load.js';
import { compareSummaries } from './compare.js';

const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(3));

/** Text models: each registered version's dev-set figures beside the active one's, and activation. */
export function ModelsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { data, error, loading, reload } = useLoad(() => modelsApi.list(), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const models = data?.models ?? [];
  const active = models.find((m) => m.active) ?? null;
  const candidate: TextModel | null = models.find((m) => m.version === selected) ?? models.find((m) => !m.active) ?? null;

  const activate = async (version: string) => {
    setBusy(true);
    setActionError(null);
    try {
      await modelsApi.activate(version);
      reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>{t('models.title')}</h1>
      <p className="muted">{t('models.intro')}</p>
      <ErrorMessage error={error ?? actionError} />
      {loading && !data ? <p>{t('app.loading')}</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th>{t('models.version')}</th>
            <th>{t('models.registered')}</th>
            <th>{t('models.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.version}>
              <td>
                <button type="button" className="btn-link" onClick={() => setSelected(m.version)}>
                  {m.version}
                </button>
              </td>
              <td>
                {formatDateTime(m.registeredAt, i18n.language)} · {m.registeredBy}
              </td>
              <td>{m.active ? t('models.active') : t('models.inactive')}</td>
              <td>
                {!m.active && can('models.manage') ? (
                  <button type="button" className="btn btn-small" disabled={busy} onClick={() => void activate(m.version)}>
                    {t('models.activate')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {candidate ? (
        <>
          <h2>{t('models.compareTitle', { version: candidate.version })}</h2>
          <table className="table">
            <thead>
              <tr>
                <th>{t('models.figure')}</th>
                <th>{t('models.activeColumn')}</th>
                <th>{t('models.candidateColumn')}</th>
                <th>{t('models.change')}</th>
              </tr>
            </thead>
            <tbody>
              {compareSummaries(active?.summary ?? null, candidate.summary).map((row) => (
                <tr key={row.name}>
                  <td>{row.name}</td>
                  <td>{fmt(row.active)}</td>
                  <td>{fmt(row.candidate)}</td>
                  <td>{row.change === null ? '—' : (row.change >= 0 ? '+' : '') + row.change.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
