import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticesApi } from '../api/publishing.js';
import { Link } from '../router/router.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';
import { formatInZone, viewerTimeZone } from './zoned-time.js';

/** The caller's unread publishing notices: due without approval, held by a pause, failed, sign-in expired, needs checking. */
export function NoticesPanel() {
  const { t, i18n } = useTranslation();
  const notices = useLoad(() => noticesApi.list(true), []);
  const [error, setError] = useState<unknown>(null);
  const list = notices.data?.notices ?? [];
  if (!list.length && !notices.error) return null;
  const zone = viewerTimeZone();
  const markRead = async (id: string) => {
    setError(null);
    try {
      await noticesApi.markRead(id);
      notices.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="panel" data-testid="notices">
      <h2>{t('publishing.notices.title', { count: list.length })}</h2>
      <ErrorMessage error={error ?? notices.error} />
      <ul className="history">
        {list.map((n) => (
          <li key={n.id} data-kind={n.kind}>
            <strong>{t(`publishing.notices.kinds.${n.kind}`, { defaultValue: n.kind })}</strong> · {formatInZone(n.createdAt, zone, i18n.language)}
            <p className="comment">{n.message}</p>
            <span className="row-actions">
              <Link to={`/publishing/posts/${n.postId}`}>{t('publishing.notices.open')}</Link>
              <button type="button" className="btn btn-small" onClick={() => void markRead(n.id)}>
                {t('publishing.notices.markRead')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
