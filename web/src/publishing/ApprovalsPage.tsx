import { useTranslation } from 'react-i18next';
import { postsApi } from '../api/publishing.js';
import { Link } from '../router/router.js';
import { useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';
import { PlatformName, useUnitName } from './shared.js';
import { formatInZone, viewerTimeZone } from './zoned-time.js';

/** What waits on me: posts in review at a step of my role, in my units, written by someone else. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const { currentUnit } = useSession();
  const unitName = useUnitName();
  const inbox = useLoad(() => postsApi.inbox(200), []);
  const zone = viewerTimeZone();
  const posts = (inbox.data?.posts ?? []).filter((p) => !currentUnit || p.unitId === currentUnit);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('publishing.approvals.title')}</h1>
          <p className="muted">{t('publishing.approvals.intro')}</p>
        </div>
        <button type="button" className="btn" onClick={inbox.reload}>
          {t('publishing.common.refresh')}
        </button>
      </div>
      <ErrorMessage error={inbox.error} />
      {inbox.loading && !inbox.data ? <p className="muted">{t('app.loading')}</p> : null}
      {inbox.data && posts.length === 0 ? <p className="muted" data-testid="inbox-empty">{t('publishing.approvals.none')}</p> : null}
      {posts.length ? (
        <div className="table-wrap">
          <table className="table" data-testid="inbox">
            <thead>
              <tr>
                <th>{t('publishing.fields.text')}</th>
                <th>{t('publishing.fields.unit')}</th>
                <th>{t('publishing.fields.accounts')}</th>
                <th>{t('publishing.fields.scheduled')}</th>
                <th>{t('publishing.fields.author')}</th>
                <th>{t('publishing.approvals.step')}</th>
              </tr>
            </thead>
            <tbody>
              {posts.map((p) => (
                <tr key={p.id} data-post={p.id}>
                  <td data-label={t('publishing.fields.text')}>
                    <Link to={`/publishing/posts/${p.id}`}>{(p.variants[0]?.text || t('publishing.common.untitled')).slice(0, 120)}</Link>
                  </td>
                  <td data-label={t('publishing.fields.unit')}>{unitName(p.unitId)}</td>
                  <td data-label={t('publishing.fields.accounts')}>
                    {p.variants.map((v) => (
                      <div key={v.id}>
                        <PlatformName platform={v.account.platform} /> @{v.account.handle}
                      </div>
                    ))}
                  </td>
                  <td data-label={t('publishing.fields.scheduled')}>{p.scheduledAt ? formatInZone(p.scheduledAt, zone, i18n.language) : t('publishing.compose.noSchedule')}</td>
                  <td data-label={t('publishing.fields.author')}>{p.authorName}</td>
                  <td data-label={t('publishing.approvals.step')}>
                    {t('publishing.approvals.stepOf', { step: p.approvalStep + 1, of: p.approvalChain.length })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
