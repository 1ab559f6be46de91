import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POST_STATUSES, postsApi, type Post, type PostStatus } from '../api/publishing.js';
import { Link } from '../router/router.js';
import { useCan, useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';
import { NoticesPanel } from './NoticesPanel.js';
import { PlatformName, StatusBadge, useUnitName } from './shared.js';
import { formatInZone, viewerTimeZone } from './zoned-time.js';

/** Posts of my units (or only mine), newest first, with their status; the way back to drafts. */
export function PostsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { currentUnit } = useSession();
  const unitName = useUnitName();
  const [status, setStatus] = useState<PostStatus | ''>('');
  const [mine, setMine] = useState(false);
  const [more, setMore] = useState<{ posts: Post[]; next: string | null } | null>(null);
  const first = useLoad(() => {
    setMore(null);
    return postsApi.list({ unitId: currentUnit ?? undefined, status: status ? [status] : undefined, mine: mine || undefined, limit: 50 });
  }, [currentUnit, status, mine]);
  const [error, setError] = useState<unknown>(null);
  const zone = viewerTimeZone();
  const posts = [...(first.data?.posts ?? []), ...(more?.posts ?? [])];
  const next = more ? more.next : (first.data?.nextBefore ?? null);

  const loadMore = async () => {
    if (!next) return;
    try {
      const page = await postsApi.list({ unitId: currentUnit ?? undefined, status: status ? [status] : undefined, mine: mine || undefined, limit: 50, before: next });
      setMore({ posts: [...(more?.posts ?? []), ...page.posts], next: page.nextBefore });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('publishing.posts.title')}</h1>
          <p className="muted">{t('publishing.posts.intro')}</p>
        </div>
        {can('posts.write') ? (
          <Link to="/publishing/compose" className="btn btn-primary">
            {t('publishing.posts.new')}
          </Link>
        ) : null}
      </div>
      {can('publishing.calendar') ? <NoticesPanel /> : null}
      <div className="filters">
        <label className="field">
          <span>{t('publishing.fields.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as PostStatus | '')}>
            <option value="">{t('publishing.common.all')}</option>
            {POST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`publishing.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          <span>{t('publishing.posts.mine')}</span>
        </label>
      </div>
      <ErrorMessage error={first.error ?? error} />
      {first.data && posts.length === 0 ? <p className="muted">{t('publishing.posts.none')}</p> : null}
      {posts.length ? (
        <div className="table-wrap">
          <table className="table" data-testid="posts-table">
            <thead>
              <tr>
                <th>{t('publishing.fields.text')}</th>
                <th>{t('publishing.fields.unit')}</th>
                <th>{t('publishing.fields.accounts')}</th>
                <th>{t('publishing.fields.scheduled')}</th>
                <th>{t('publishing.fields.status')}</th>
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
                  <td data-label={t('publishing.fields.scheduled')}>{p.scheduledAt ? formatInZone(p.scheduledAt, zone, i18n.language) : '—'}</td>
                  <td data-label={t('publishing.fields.status')}>
                    <StatusBadge status={p.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next ? (
        <button type="button" className="btn" onClick={() => void loadMore()}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
