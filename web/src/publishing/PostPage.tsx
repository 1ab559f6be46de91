import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi, mediaApi, postsApi, type CalendarTarget, type Media, type Post, type PublicationDetail } from '../api/publishing.js';
import { ApiError } from '../api/client.js';
import { Link, useRouter } from '../router/router.js';
import { useCan } from '../session/session.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';
import { MediaThumb } from './MediaPicker.js';
import { MetricsTable } from './MetricsTable.js';
import { PlatformName, StateBadge, StatusBadge, useUnitName } from './shared.js';
import { composeText } from './text-count.js';
import { formatInZone, viewerTimeZone } from './zoned-time.js';

/** One post: a preview per platform, its approval chain and history, the decisions the caller may take, and its delivery. */
export function PostPage({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const loaded = useLoad(() => postsApi.get(postId), [postId]);
  const delivery = useLoad(
    () =>
      can('publishing.calendar')
        ? calendarApi.post(postId).catch((err: unknown) => {
            // A post without a time has no place on the calendar yet.
            if (err instanceof ApiError && err.code === 'not_found') return null;
            throw err;
          })
        : Promise.resolve(null),
    [postId],
  );
  const library = useLoad(() => mediaApi.list({ limit: 200 }), []);
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!loaded.data) return <p className="muted">{t('app.loading')}</p>;
  const media = Object.fromEntries((library.data?.media ?? []).map((m) => [m.sha256, m]));
  return (
    <PostView
      post={loaded.data.post}
      media={media}
      publications={delivery.data?.publications ?? []}
      targets={delivery.data?.post.targets ?? []}
      deliveryError={delivery.error}
      onChanged={() => {
        loaded.reload();
        delivery.reload();
      }}
    />
  );
}

function PostView(props: {
  post: Post;
  media: Record<string, Media>;
  publications: PublicationDetail[];
  targets: CalendarTarget[];
  deliveryError: unknown;
  onChanged: () => void;
}) {
  const { post, media, publications, targets, deliveryError, onChanged } = props;
  const { t, i18n } = useTranslation();
  const { navigate } = useRouter();
  const unitName = useUnitName();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const zone = viewerTimeZone();
  const current = post.approvals.filter((a) => a.postVersion === post.version);

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      setComment('');
      setNotice(done);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const needsComment = (run: () => void) => () => {
    if (!comment.trim()) {
      setError(new Error(t('publishing.approvals.commentRequired')));
      return;
    }
    run();
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('publishing.post.title')}</h1>
          <p className="muted">
            {unitName(post.unitId)} · {t('publishing.post.by', { name: post.authorName })} · <StatusBadge status={post.status} />
          </p>
        </div>
        <div className="row-actions">
          {post.can.edit ? (
            <Link to={`/publishing/posts/${post.id}/edit`} className="btn">
              {t('common.edit')}
            </Link>
          ) : null}
          {post.can.submit ? (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act(() => postsApi.submit(post.id), t('publishing.post.submitted'))}>
              {t('publishing.compose.submit')}
            </button>
          ) : null}
          {post.can.cancel ? (
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t('publishing.post.confirmCancel'))) void act(() => postsApi.cancel(post.id), t('publishing.post.cancelled'));
              }}
            >
              {t('publishing.post.cancel')}
            </button>
          ) : null}
        </div>
      </div>
      <ErrorMessage error={error} />
      {notice ? <Notice>{notice}</Notice> : null}

      <section className="panel">
        <dl className="facts">
          <dt>{t('publishing.fields.scheduled')}</dt>
          <dd data-testid="post-scheduled">
            {post.scheduledAt ? (
              <>
                {formatInZone(post.scheduledAt, post.timeZone, i18n.language)} {post.timeZone}
                {zone !== post.timeZone ? <span className="muted"> · {t('publishing.post.yourTime', { time: formatInZone(post.scheduledAt, zone, i18n.language) })}</span> : null}
              </>
            ) : (
              t('publishing.compose.noSchedule')
            )}
          </dd>
          {post.campaign ? (
            <>
              <dt>{t('publishing.fields.campaign')}</dt>
              <dd>{post.campaign}</dd>
            </>
          ) : null}
        </dl>
        <h2>{t('publishing.post.chain')}</h2>
        <ol className="chain" data-testid="chain">
          {post.approvalChain.map((role, i) => (
            <li key={role} className={current.some((a) => a.step === i && a.decision === 'approved') ? 'is-done' : post.status === 'in_review' && post.approvalStep === i ? 'is-current' : undefined}>
              {i + 1}. {t(`roles.${role}`)}
            </li>
          ))}
        </ol>
        {post.nextApproverRole ? <p className="muted">{t('publishing.post.waitsOn', { role: t(`roles.${post.nextApproverRole}`) })}</p> : null}
        {post.issues.length ? (
          <ul className="field-issues">
            {post.issues.map((i, n) => (
              <li key={n}>
                {i.field}: {i.message}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {post.can.approve || post.can.reject || post.can.requestChanges ? (
        <section className="panel" data-testid="decision">
          <h2>{t('publishing.approvals.decide')}</h2>
          <label className="field">
            <span>{t('publishing.approvals.comment')}</span>
            <textarea name="comment" value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
          </label>
          <p className="hint">{t('publishing.approvals.commentHint')}</p>
          <div className="form-actions">
            {post.can.approve ? (
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void act(() => postsApi.approve(post.id, { version: post.version, ...(comment.trim() ? { comment: comment.trim() } : {}) }), t('publishing.approvals.approved'))}
              >
                {t('publishing.approvals.approve')}
              </button>
            ) : null}
            {post.can.requestChanges ? (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={needsComment(() => void act(() => postsApi.requestChanges(post.id, { version: post.version, comment: comment.trim() }), t('publishing.approvals.changesRequested')))}
              >
                {t('publishing.approvals.requestChanges')}
              </button>
            ) : null}
            {post.can.reject ? (
              <button
                type="button"
                className="btn btn-danger"
                disabled={busy}
                onClick={needsComment(() => void act(() => postsApi.reject(post.id, { version: post.version, comment: comment.trim() }), t('publishing.approvals.rejected')))}
              >
                {t('publishing.approvals.reject')}
              </button>
            ) : null}
          </div>
        </section>
      ) : null}

      <section>
        <h2>{t('publishing.post.previews')}</h2>
        {post.variants.map((v) => (
          <article className="preview-card" key={v.id} data-testid="preview" data-platform={v.account.platform}>
            <strong>
              <PlatformName platform={v.account.platform} />
            </strong>{' '}
            <span className="muted">
              {v.account.displayName} @{v.account.handle}
            </span>
            {v.title ? <h3>{v.title}</h3> : null}
            <p className="preview-text">{composeText(v)}</p>
            {v.mediaIds.length ? (
              <div className="media-grid">
                {v.mediaIds.map((sha) => (
                  <div className="media-tile" key={sha}>
                    {media[sha] ? <MediaThumb media={media[sha]} /> : <span className="muted">{sha.slice(0, 12)}</span>}
                  </div>
                ))}
              </div>
            ) : null}
          </article>
        ))}
      </section>

      <section className="panel">
        <h2>{t('publishing.post.history')}</h2>
        {post.approvals.length === 0 ? <p className="muted">{t('publishing.post.noHistory')}</p> : null}
        <ul className="history" data-testid="history">
          {post.approvals.map((a, n) => (
            <li key={n} data-decision={a.decision}>
              <strong>{t(`publishing.decision.${a.decision}`)}</strong> · {a.actorName} ({t(`roles.${a.role}`)}) · {formatInZone(a.at, zone, i18n.language)} ·{' '}
              {t('publishing.compose.version', { version: a.postVersion })}
              {a.comment ? <p className="comment">{a.comment}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <Delivery publications={publications} targets={targets} error={deliveryError} onChanged={onChanged} />
      <p>
        <button type="button" className="btn-link" onClick={() => navigate('/publishing/calendar')}>
          {t('publishing.post.toCalendar')}
        </button>
      </p>
    </div>
  );
}

/** Each publication's state and the platform's own error text, with retry, cancel, publish now and verify from its abilities. */
function Delivery({ publications, targets, error, onChanged }: { publications: PublicationDetail[]; targets: CalendarTarget[]; error: unknown; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [metricsOf, setMetricsOf] = useState<string | null>(null);
  const zone = viewerTimeZone();
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(null);
    try {
      await action();
      onChanged();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!publications.length && !error) return null;
  return (
    <section className="panel" data-testid="delivery">
      <h2>{t('publishing.post.delivery')}</h2>
      <ErrorMessage error={error ?? actionError} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('publishing.fields.account')}</th>
              <th>{t('publishing.fields.state')}</th>
              <th>{t('publishing.post.due')}</th>
              <th>{t('publishing.post.platformError')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {publications.map((p) => (
              <tr key={p.id} data-publication={p.id}>
                <td data-label={t('publishing.fields.account')}>
                  {(() => {
                    const target = targets.find((x) => x.accountId === p.accountId);
                    return target ? (
                      <>
                        <PlatformName platform={target.platform} /> @{target.handle}
                      </>
                    ) : (
                      p.accountId
                    );
                  })()}
                </td>
                <td data-label={t('publishing.fields.state')}>
                  <StateBadge state={p.state} /> {p.remoteUrl ? <a href={p.remoteUrl} rel="noopener noreferrer" target="_blank">{t('publishing.post.open')}</a> : null}
                  {p.stateReason ? <div className="small muted">{p.stateReason}</div> : null}
                </td>
                <td data-label={t('publishing.post.due')}>{formatInZone(p.publishedAt ?? p.dueAt, zone, i18n.language)}</td>
                <td data-label={t('publishing.post.platformError')}>
                  {p.errorMessage ? (
                    <span className="details" data-testid="platform-error">
                      {p.errorKind ? `${t(`publishing.errorKind.${p.errorKind}`, { defaultValue: p.errorKind })}: ` : ''}
                      {p.errorMessage}
                    </span>
                  ) : null}
                </td>
                <td>
                  <div className="row-actions">
                    {p.state === 'published' ? (
                      <button type="button" className="btn btn-small" aria-expanded={metricsOf === p.id} onClick={() => setMetricsOf(metricsOf === p.id ? null : p.id)}>
                        {t('publishing.metrics.show')}
                      </button>
                    ) : null}
                    {p.can.retry ? (
                      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void act(() => calendarApi.retry(p.id))}>
                        {t('publishing.post.retry')}
                      </button>
                    ) : null}
                    {p.can.publishNow ? (
                      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void act(() => calendarApi.publishNow(p.id))}>
                        {t('publishing.post.publishNow')}
                      </button>
                    ) : null}
                    {p.can.markPublished ? (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy}
                        onClick={() => {
                          const url = window.prompt(t('publishing.post.markPublishedPrompt'));
                          if (url !== null) void act(() => calendarApi.markPublished(p.id, url.trim() ? { remoteUrl: url.trim() } : {}));
                        }}
                      >
                        {t('publishing.post.markPublished')}
                      </button>
                    ) : null}
                    {p.can.cancel ? (
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        disabled={busy}
                        onClick={() => {
                          const reason = window.prompt(t('publishing.post.cancelReason'));
                          if (reason && reason.trim()) void act(() => calendarApi.cancel(p.id, reason.trim()));
                        }}
                      >
                        {t('publishing.post.cancelPublication')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {metricsOf ? <MetricsTable publicationId={metricsOf} /> : null}
    </section>
  );
}
