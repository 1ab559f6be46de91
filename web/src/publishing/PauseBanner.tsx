import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pauseApi } from '../api/publishing.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';
import { onPauseChange, announcePauseChange } from './pause-events.js';
import { useUnitName } from './shared.js';
import { formatInZone, viewerTimeZone } from './zoned-time.js';

const REFRESH_MS = 30_000;

/** On every page while publishing is paused for the reader: who paused, where, since when and why. */
export function PauseBanner() {
  const { t, i18n } = useTranslation();
  const unitName = useUnitName();
  const pauses = useLoad(() => pauseApi.active(), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { reload } = pauses;

  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    const off = onPauseChange(reload);
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [reload]);

  const list = pauses.data?.pauses ?? [];
  if (list.length === 0) return null;

  const resume = async (id: string) => {
    if (!window.confirm(t('publishing.pause.confirmResume'))) return;
    setBusy(true);
    setError(null);
    try {
      await pauseApi.end(id);
      announcePauseChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const zone = viewerTimeZone();
  return (
    <section className="pause-banner" data-testid="pause-banner" aria-label={t('publishing.pause.bannerLabel')}>
      <p>
        <strong>{t('publishing.pause.bannerTitle')}</strong>
      </p>
      {list.map((p) => (
        <div className="pause-item" key={p.id} data-pause-unit={p.unitId ?? 'force'}>
          <p>
            {t('publishing.pause.bannerLine', { scope: unitName(p.unitId), name: p.startedByName, time: formatInZone(p.startedAt, zone, i18n.language) })}{' '}
            <span className="pause-reason" data-testid="pause-reason">
              {p.reason}
            </span>
          </p>
          {p.can.end ? (
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => void resume(p.id)}>
              {t('publishing.pause.resume')}
            </button>
          ) : null}
        </div>
      ))}
      <ErrorMessage error={error} />
    </section>
  );
}
