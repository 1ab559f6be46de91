import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { monitoringApi, type MentionFilters, type MentionSummary, type Watch } from '../api/monitoring.js';
import { useCan, useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { localName } from '../ui/names.js';
import { LANGS, MentionCard, SOURCE_PLATFORMS, useLabelText } from './shared.js';
import { appendOlder, EMPTY_STREAM_FILTER, mergeNewer, toMentionFilters, watchFromAddress, type StreamFilterForm } from './stream-state.js';
import { startLiveUpdates } from './live-updates.js';

const PAGE_SIZE = 50;
const LABELS = [
  'hostile',
  'fake',
  'hate',
  'offensive',
  'defamation',
  'abusive',
  'aggression:overt',
  'aggression:covert',
  'sentiment:negative',
  'sentiment:positive',
  'police_related',
  'complaint',
  'crime_report',
  'praise',
] as const;

/**
 * The live stream: the newest mentions for the filters, then a long poll that adds new ones at
 * the top as they are stored, without reloading.
 */
export function StreamPage() {
  const { t } = useTranslation();
  const { currentUnit, units, locale } = useSession();
  const can = useCan();
  const labelText = useLabelText();
  const initial: StreamFilterForm = { ...EMPTY_STREAM_FILTER, unitId: currentUnit ?? '', watchId: watchFromAddress(window.location.search) };
  const [form, setForm] = useState<StreamFilterForm>(initial);
  const [applied, setApplied] = useState<StreamFilterForm>(initial);
  const [mentions, setMentions] = useState<MentionSummary[]>([]);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [liveError, setLiveError] = useState<unknown>(null);
  const [live, setLive] = useState(true);
  // Where the live updates start, with the filters they belong to (set by the first page).
  const [liveFrom, setLiveFrom] = useState<{ after: string; filters: MentionFilters } | null>(null);
  const [watches, setWatches] = useState<Watch[]>([]);
  const generation = useRef(0);

  // The unit switcher in the top bar sets the unit filter.
  useEffect(() => {
    const unitId = currentUnit ?? '';
    setForm((f) => (f.unitId === unitId ? f : { ...f, unitId }));
    setApplied((f) => (f.unitId === unitId ? f : { ...f, unitId }));
  }, [currentUnit]);

  const canWatches = can('watches.read');
  useEffect(() => {
    if (!canWatches) return;
    monitoringApi
      .watches()
      .then(({ watches: list }) => setWatches(list))
      .catch(() => setWatches([]));
  }, [canWatches]);

  // The first page for the filters; the live updates start after its newest mention.
  useEffect(() => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    setMentions([]);
    setFresh(new Set());
    setLiveFrom(null);
    monitoringApi
      .mentions(toMentionFilters(applied), { limit: PAGE_SIZE })
      .then((page) => {
        if (gen !== generation.current) return;
        setMentions(page.mentions);
        setNextBefore(page.nextBefore);
        setLiveFrom({ after: page.latest ?? '0', filters: toMentionFilters(applied) });
        setLoaded(true);
      })
      .catch((err: unknown) => {
        if (gen === generation.current) setError(err);
      })
      .finally(() => {
        if (gen === generation.current) setLoading(false);
      });
  }, [applied]);

  // The long poll: one request at a time; a changed filter or leaving the page ends the loop.
  useEffect(() => {
    if (!live || liveFrom === null) return;
    const { filters } = liveFrom;
    return startLiveUpdates(liveFrom.after, {
      fetchPage: (after) => monitoringApi.updates(filters, after),
      onMentions: (incoming) => {
        setMentions((current) => mergeNewer(current, incoming));
        setFresh((current) => new Set([...current, ...incoming.map((m) => m.id)]));
      },
      onError: setLiveError,
    });
  }, [live, liveFrom]);

  const loadOlder = useCallback(async () => {
    if (nextBefore === null) return;
    const gen = generation.current;
    setLoading(true);
    try {
      const page = await monitoringApi.mentions(toMentionFilters(applied), { limit: PAGE_SIZE, before: nextBefore });
      if (gen !== generation.current) return;
      setMentions((current) => appendOlder(current, page.mentions));
      setNextBefore(page.nextBefore);
    } catch (err) {
      if (gen === generation.current) setError(err);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [applied, nextBefore]);

  const set = (key: keyof StreamFilterForm, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ ...form });
  };
  const clear = () => {
    const blank = { ...EMPTY_STREAM_FILTER, unitId: currentUnit ?? '' };
    setForm(blank);
    setApplied(blank);
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('monitoring.stream.title')}</h1>
          <p className="muted">{t('monitoring.stream.intro')}</p>
        </div>
        <div className="live-state">
          <span className={`live-dot${live && !liveError ? ' live-dot-on' : ''}`} aria-hidden="true" />
          <span data-testid="live-state">{live ? (liveError ? t('monitoring.stream.reconnecting') : t('monitoring.stream.live')) : t('monitoring.stream.paused')}</span>
          <button type="button" className="btn btn-small" onClick={() => setLive((v) => !v)}>
            {live ? t('monitoring.stream.pause') : t('monitoring.stream.resume')}
          </button>
        </div>
      </div>

      <form className="filters" onSubmit={apply} role="search">
        <label className="field field-wide">
          <span>{t('monitoring.stream.search')}</span>
          <input name="q" type="search" value={form.q} maxLength={200} placeholder={t('monitoring.stream.searchHint')} onChange={(e) => set('q', e.target.value)} />
        </label>
        {canWatches ? (
          <label className="field">
            <span>{t('monitoring.stream.watch')}</span>
            <select name="watchId" value={form.watchId} onChange={(e) => set('watchId', e.target.value)}>
              <option value="">{t('monitoring.stream.any')}</option>
              {watches.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="field">
          <span>{t('monitoring.stream.unit')}</span>
          <select name="unitId" value={form.unitId} onChange={(e) => set('unitId', e.target.value)}>
            <option value="">{t('monitoring.stream.allUnits')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {localName(u, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('monitoring.stream.language')}</span>
          <select name="lang" value={form.lang} onChange={(e) => set('lang', e.target.value)}>
            <option value="">{t('monitoring.stream.any')}</option>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`monitoring.lang.${l.replace('-', '_')}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('monitoring.stream.label')}</span>
          <select name="label" value={form.label} onChange={(e) => set('label', e.target.value)}>
            <option value="">{t('monitoring.stream.any')}</option>
            {LABELS.map((l) => (
              <option key={l} value={l}>
                {labelText(l)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('monitoring.stream.platform')}</span>
          <select name="platform" value={form.platform} onChange={(e) => set('platform', e.target.value)}>
            <option value="">{t('monitoring.stream.any')}</option>
            {SOURCE_PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {t(`monitoring.platform.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {t('monitoring.stream.apply')}
          </button>
          <button type="button" className="btn" onClick={clear}>
            {t('monitoring.stream.clear')}
          </button>
        </div>
      </form>

      <ErrorMessage error={error} />
      {live && liveError ? <p className="muted small">{t('monitoring.stream.liveFailed')}</p> : null}
      {loaded && mentions.length === 0 && !loading ? <p className="muted">{t('monitoring.stream.none')}</p> : null}
      <div className="mention-list" data-testid="stream" aria-live="polite">
        {mentions.map((m) => (
          <div key={m.id} className={fresh.has(m.id) ? 'mention-new' : undefined}>
            <MentionCard m={m} />
          </div>
        ))}
      </div>
      {loading ? <p className="muted">{t('app.loading')}</p> : null}
      {nextBefore !== null && !loading ? (
        <button type="button" className="btn" onClick={() => void loadOlder()}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
