import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi, calendarApi, csvApi, POST_STATUSES, type CalendarEntry } from '../api/publishing.js';
import { Link, useRouter } from '../router/router.js';
import { useCan, useSession } from '../session/session.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';
import { addDays, daysOfView, groupByDay, movedToDay, rangeOfDays, shiftMonth, todayIn, type CalendarView } from './calendar-grid.js';
import { PlatformName, StateBadge, StatusBadge, useUnitName } from './shared.js';
import { TimeRefusal } from './TimeRefusal.js';
import { formatInZone, utcToWall, viewerTimeZone, type ScheduledAtRefusal } from './zoned-time.js';

const DRAG_TYPE = 'application/x-chhavi-post';

function initialView(search: string): CalendarView {
  const v = new URLSearchParams(search).get('view');
  return v === 'week' || v === 'list' ? v : 'month';
}

function initialDay(search: string): string | null {
  const d = new URLSearchParams(search).get('date');
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ? d : null;
}

/** Scheduled and published posts by month, week or list, in the viewer's zone; drag a post to another day to move it. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { navigate } = useRouter();
  const { currentUnit } = useSession();
  const unitName = useUnitName();
  const zone = viewerTimeZone();
  // ?view=week&date=2026-12-01 opens a given period (links from elsewhere, bookmarks).
  const [view, setView] = useState<CalendarView>(() => initialView(window.location.search));
  const [anchor, setAnchor] = useState(() => initialDay(window.location.search) ?? todayIn(zone));
  const [accountId, setAccountId] = useState('');
  const [campaign, setCampaign] = useState('');
  const [status, setStatus] = useState('');
  const [dropDay, setDropDay] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A drop onto a day whose clock change skips or repeats the post's time: the times to pick.
  const [refusedDrop, setRefusedDrop] = useState<{ postId: string; refused: Extract<ScheduledAtRefusal, { choices: string[] }> } | null>(null);

  const days = daysOfView(view, anchor);
  const range = rangeOfDays(days, zone);
  const accounts = useLoad(() => accountsApi.list({ unitId: currentUnit ?? undefined }), [currentUnit]);
  const calendar = useLoad(
    () => calendarApi.list({ ...range, unitId: currentUnit ?? undefined, accountId: accountId || undefined, campaign: campaign.trim() || undefined, status: status || undefined }),
    [range.from, range.to, currentUnit, accountId, campaign, status],
  );
  const entries = calendar.data?.posts ?? [];
  const byDay = groupByDay(entries, zone);
  const today = todayIn(zone);
  const deliver = can('publishing.deliver');

  const step = (n: number) => {
    if (view === 'month') setAnchor(`${shiftMonth(anchor.slice(0, 7), n)}-01`);
    else setAnchor(addDays(anchor, n * (view === 'week' ? 7 : 30)));
  };

  const reschedule = async (postId: string, to: string) => {
    try {
      const { post } = await calendarApi.reschedule(postId, to);
      setNotice(t('publishing.calendar.moved', { time: formatInZone(post.scheduledAt, zone, i18n.language) }));
    } catch (err) {
      setError(err);
    }
    calendar.reload();
  };

  const drop = async (e: DragEvent, day: string) => {
    e.preventDefault();
    setDropDay(null);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    const entry = entries.find((x) => x.id === id);
    if (!entry) return;
    const moved = movedToDay(entry.scheduledAt, day, zone);
    if (!moved) return;
    setError(null);
    setNotice(null);
    setRefusedDrop(null);
    if ('refused' in moved) {
      if ('choices' in moved.refused) setRefusedDrop({ postId: entry.id, refused: moved.refused });
      return;
    }
    await reschedule(entry.id, moved.to);
  };

  const chip = (e: CalendarEntry) => (
    <button
      type="button"
      key={e.id}
      className="cal-chip"
      data-status={e.status}
      data-post={e.id}
      data-paused={e.paused}
      data-waiting={e.waitingForApproval}
      draggable={deliver && e.can.reschedule}
      title={e.preview}
      onDragStart={(ev) => {
        ev.dataTransfer.setData(DRAG_TYPE, e.id);
        ev.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => navigate(`/publishing/posts/${e.id}`)}
    >
      {utcToWall(e.scheduledAt, zone).slice(11)} {e.paused ? <span className="visually-hidden">{t('publishing.calendar.paused')}: </span> : null}
      {e.waitingForApproval ? <span className="visually-hidden">{t('publishing.calendar.waiting')}: </span> : null}
      {e.preview}
    </button>
  );

  const dayCell = (day: string, other: boolean) => (
    <div
      key={day}
      className={['cal-day', other ? 'is-other' : '', day === today ? 'is-today' : '', dropDay === day ? 'is-drop' : ''].filter(Boolean).join(' ')}
      data-day={day}
      onDragOver={(e) => {
        if (!deliver) return;
        e.preventDefault();
        setDropDay(day);
      }}
      onDragLeave={() => setDropDay((d) => (d === day ? null : d))}
      onDrop={(e) => void drop(e, day)}
    >
      <span className="cal-date">{Number(day.slice(8))}</span>
      {(byDay.get(day) ?? []).map(chip)}
    </div>
  );

  const weekdayNames = days.slice(0, 7).map((d) => new Date(`${d}T12:00:00Z`).toLocaleDateString(i18n.language === 'hi' ? 'hi-IN' : 'en-IN', { weekday: 'short', timeZone: 'UTC' }));
  const title =
    view === 'month'
      ? new Date(`${anchor.slice(0, 7)}-15T12:00:00Z`).toLocaleDateString(i18n.language === 'hi' ? 'hi-IN' : 'en-IN', { month: 'long', year: 'numeric', timeZone: 'UTC' })
      : `${days[0]} – ${days[days.length - 1]}`;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('publishing.calendar.title')}</h1>
          <p className="muted">{t('publishing.calendar.intro', { zone })}</p>
        </div>
        <div className="row-actions">
          {can('posts.write') ? (
            <Link to="/publishing/compose" className="btn btn-primary">
              {t('publishing.posts.new')}
            </Link>
          ) : null}
          <a
            className="btn"
            download
            href={csvApi.exportUrl({ ...range, unitId: currentUnit ?? undefined, accountId: accountId || undefined, campaign: campaign.trim() || undefined, status: status || undefined })}
          >
            {t('publishing.calendar.export')}
          </a>
        </div>
      </div>
      <div className="filters">
        <label className="field">
          <span>{t('publishing.fields.account')}</span>
          <select value={accountId} onChange={(e) => setAccountId(e.target.value)}>
            <option value="">{t('publishing.common.all')}</option>
            {(accounts.data?.accounts ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {t(`publishing.platforms.${a.platform}`)} @{a.handle}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('publishing.fields.campaign')}</span>
          <input value={campaign} onChange={(e) => setCampaign(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('publishing.fields.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('publishing.common.all')}</option>
            {POST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`publishing.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="cal-toolbar">
        <div className="lang-switch" role="group" aria-label={t('publishing.calendar.view')}>
          {(['month', 'week', 'list'] as const).map((v) => (
            <button type="button" key={v} className={view === v ? 'lang-option is-active' : 'lang-option'} aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`publishing.calendar.${v}`)}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-small" onClick={() => step(-1)} aria-label={t('publishing.calendar.previous')}>
          ‹
        </button>
        <button type="button" className="btn btn-small" onClick={() => setAnchor(today)}>
          {t('publishing.calendar.today')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => step(1)} aria-label={t('publishing.calendar.next')}>
          ›
        </button>
        <strong data-testid="calendar-title">{title}</strong>
        {deliver ? <span className="hint">{t('publishing.calendar.dragHint')}</span> : null}
      </div>
      <ErrorMessage error={error ?? calendar.error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {refusedDrop ? (
        <TimeRefusal
          refused={refusedDrop.refused}
          onPick={(choice) => {
            setRefusedDrop(null);
            void reschedule(refusedDrop.postId, choice);
          }}
        />
      ) : null}
      {view === 'list' ? (
        <div className="table-wrap">
          {calendar.data && entries.length === 0 ? <p className="muted">{t('publishing.calendar.none')}</p> : null}
          <table className="table" data-testid="calendar-list">
            <thead>
              <tr>
                <th>{t('publishing.fields.scheduled')}</th>
                <th>{t('publishing.fields.unit')}</th>
                <th>{t('publishing.fields.text')}</th>
                <th>{t('publishing.fields.status')}</th>
                <th>{t('publishing.fields.accounts')}</th>
              </tr>
            </thead>
            <tbody>
              {[...entries]
                .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt))
                .map((e) => (
                  <tr key={e.id} data-post={e.id}>
                    <td data-label={t('publishing.fields.scheduled')}>{formatInZone(e.scheduledAt, zone, i18n.language)}</td>
                    <td data-label={t('publishing.fields.unit')}>{unitName(e.unitId)}</td>
                    <td data-label={t('publishing.fields.text')}>
                      <Link to={`/publishing/posts/${e.id}`}>{e.preview || t('publishing.common.untitled')}</Link>
                      {e.paused ? <div className="badge badge-warn">{t('publishing.calendar.paused')}</div> : null}
                      {e.waitingForApproval ? <div className="badge badge-warn">{t('publishing.calendar.waiting')}</div> : null}
                    </td>
                    <td data-label={t('publishing.fields.status')}>
                      <StatusBadge status={e.status} />
                    </td>
                    <td data-label={t('publishing.fields.accounts')}>
                      {e.targets.map((tg) => (
                        <div key={tg.variantId}>
                          <PlatformName platform={tg.platform} /> @{tg.handle} <StateBadge state={tg.state} />
                          {tg.errorMessage ? <div className="small details">{tg.errorMessage}</div> : null}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className={view === 'week' ? 'cal-grid cal-week' : 'cal-grid'} data-testid="calendar-grid">
          {weekdayNames.map((name, i) => (
            <div className="cal-head" key={i}>
              {name}
            </div>
          ))}
          {days.map((d) => dayCell(d, view === 'month' && d.slice(0, 7) !== anchor.slice(0, 7)))}
        </div>
      )}
    </div>
  );
}
