import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { monitoringApi, type Watch } from '../api/monitoring.js';
import { useRouter } from '../router/router.js';
import { useCan, useSession } from '../session/session.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';
import { formatDateTime, localName } from '../ui/names.js';
import { queryProblemOf } from './query-error.js';
import { QueryProblemView } from './QueryProblemView.js';
import { WatchTestPanel } from './WatchTestPanel.js';
import { emptyWatchForm, formToNewWatch, formToPatch, isExpired, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, validateWatchForm, watchToForm, type WatchField, type WatchForm, type WatchFormErrors } from './watch-form.js';
import './monitoring.css';

/** Creates a watch (`watchId` absent) or shows and edits one. */
export function WatchEditorPage({ watchId }: { watchId?: string }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { units, locale, currentUnit } = useSession();
  const can = useCan();
  const [watch, setWatch] = useState<Watch | null>(null);
  const [form, setForm] = useState<WatchForm>(() => emptyWatchForm(new Date(), currentUnit));
  const [errors, setErrors] = useState<WatchFormErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [submittedQuery, setSubmittedQuery] = useState('');
  const [reason, setReason] = useState('');

  useEffect(() => {
    if (!watchId) return;
    let current = true;
    monitoringApi
      .watch(watchId)
      .then(({ watch: w }) => {
        if (!current) return;
        setWatch(w);
        setForm(watchToForm(w));
      })
      .catch((err: unknown) => {
        if (current) setLoadError(err);
      });
    return () => {
      current = false;
    };
  }, [watchId]);

  const editable = watchId ? Boolean(watch?.abilities.edit) && can('watches.manage') : can('watches.manage');
  const set = <K extends keyof WatchForm>(key: K, value: WatchForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };
  const toggleUnit = (unitId: string, on: boolean) => set('unitIds', on ? [...new Set([...form.unitIds, unitId])] : form.unitIds.filter((u) => u !== unitId));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const now = new Date();
    const found = validateWatchForm(form, now);
    setErrors(found);
    setError(null);
    setSaved(false);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setSubmittedQuery(form.query.trim());
    try {
      if (watch) {
        const { watch: updated } = await monitoringApi.updateWatch(watch.id, formToPatch(form, watch, now));
        setWatch(updated);
        setForm(watchToForm(updated));
        setSaved(true);
      } else {
        const { watch: created } = await monitoringApi.createWatch(formToNewWatch(form, now));
        navigate(`/monitoring/watches/${encodeURIComponent(created.id)}`, { replace: true });
      }
    } catch (err) {
      setError(err);
      const field = err instanceof ApiError && typeof err.details?.field === 'string' ? err.details.field : null;
      if (field && field !== 'query' && err instanceof ApiError) setErrors((x) => ({ ...x, [field === 'expiresAt' ? 'expiresOn' : field]: err.message }));
    } finally {
      setSaving(false);
    }
  };

  const act = async (action: () => Promise<{ watch: Watch }>) => {
    setError(null);
    setSaving(true);
    try {
      const { watch: updated } = await action();
      setWatch(updated);
      setForm(watchToForm(updated));
      setReason('');
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  if (loadError) {
    return (
      <div className="page">
        <h1>{t('monitoring.watchForm.editTitle')}</h1>
        <ErrorMessage error={loadError} />
      </div>
    );
  }
  if (watchId && !watch) return <p className="muted">{t('app.loading')}</p>;

  const problem = queryProblemOf(error);
  const expired = watch ? isExpired(watch, new Date()) : false;
  const fieldError = (field: WatchField) => {
    const problemText = errors[field];
    return problemText ? (
      <span className="field-error" id={`watch-${field}-error`}>
        {problemText.startsWith('monitoring.') ? t(problemText) : problemText}
      </span>
    ) : null;
  };
  const described = (field: WatchField) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `watch-${field}-error` } : {});

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{watch ? watch.name : t('monitoring.watchForm.newTitle')}</h1>
          <p className="muted">{t('monitoring.watchForm.intro')}</p>
        </div>
        {watch ? (
          <span className={`badge ${expired ? 'badge-warn' : watch.status === 'active' ? 'badge-on' : 'badge-off'}`} data-testid="watch-status">
            {t(`monitoring.watchStatus.${expired ? 'expired' : watch.status}`)}
          </span>
        ) : null}
      </div>
      {watch ? (
        <p className="muted small">
          {t('monitoring.watchForm.meta', { owner: watch.ownerName, created: formatDateTime(watch.createdAt, locale), version: watch.version, matches: watch.matchCount })}
        </p>
      ) : null}
      {saved ? <Notice>{t('monitoring.watchForm.saved')}</Notice> : null}
      {problem ? <QueryProblemView query={submittedQuery} problem={problem} /> : <ErrorMessage error={error} />}

      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={!editable || expired || saving} className="form-grid">
          <label className="field field-wide">
            <span>{t('monitoring.watchForm.name')}</span>
            <input name="name" value={form.name} maxLength={200} required onChange={(e) => set('name', e.target.value)} {...described('name')} />
            {fieldError('name')}
          </label>
          <label className="field field-wide">
            <span>{t('monitoring.watchForm.query')}</span>
            <textarea name="query" className="query-input" value={form.query} maxLength={4000} required spellCheck={false} onChange={(e) => set('query', e.target.value)} {...described('query')} />
            <span className="hint">{t('monitoring.watchForm.queryHint')}</span>
            {fieldError('query')}
          </label>
          <label className="field field-wide">
            <span>{t('monitoring.watchForm.purpose')}</span>
            <textarea name="purpose" value={form.purpose} maxLength={2000} required onChange={(e) => set('purpose', e.target.value)} {...described('purpose')} />
            <span className="hint">{t('monitoring.watchForm.purposeHint')}</span>
            {fieldError('purpose')}
          </label>
          <label className="field field-wide">
            <span>{t('monitoring.watchForm.legalBasis')}</span>
            <input name="legalBasis" value={form.legalBasis} maxLength={500} required onChange={(e) => set('legalBasis', e.target.value)} {...described('legalBasis')} />
            <span className="hint">{t('monitoring.watchForm.legalBasisHint')}</span>
            {fieldError('legalBasis')}
          </label>
          <fieldset className="field field-wide" {...described('unitIds')}>
            <legend>{t('monitoring.watchForm.units')}</legend>
            <div className="check-grid">
              {units.map((u) => (
                <label key={u.id} className="check">
                  <input type="checkbox" checked={form.unitIds.includes(u.id)} onChange={(e) => toggleUnit(u.id, e.target.checked)} />
                  <span>{localName(u, locale)}</span>
                </label>
              ))}
            </div>
            {fieldError('unitIds')}
          </fieldset>
          <label className="field">
            <span>{t('monitoring.watchForm.expiresOn')}</span>
            <input name="expiresOn" type="date" value={form.expiresOn} required onChange={(e) => set('expiresOn', e.target.value)} {...described('expiresOn')} />
            <span className="hint">{t('monitoring.watchForm.expiresHint')}</span>
            {fieldError('expiresOn')}
          </label>
          <label className="field">
            <span>{t('monitoring.watchForm.retentionDays')}</span>
            <input name="retentionDays" type="number" min={RETENTION_MIN_DAYS} max={RETENTION_MAX_DAYS} value={form.retentionDays} required onChange={(e) => set('retentionDays', e.target.value)} {...described('retentionDays')} />
            <span className="hint">{t('monitoring.watchForm.retentionHint')}</span>
            {fieldError('retentionDays')}
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {watch ? t('monitoring.watchForm.save') : t('monitoring.watchForm.create')}
            </button>
          </div>
        </fieldset>
      </form>

      {watch && editable && !expired ? (
        <section className="panel">
          <h2>{t('monitoring.watchForm.controls')}</h2>
          <div className="form-actions">
            <button type="button" className="btn" disabled={saving} onClick={() => void act(() => monitoringApi.updateWatch(watch.id, { paused: !watch.paused, version: watch.version }))}>
              {watch.paused ? t('monitoring.watchForm.resume') : t('monitoring.watchForm.pause')}
            </button>
          </div>
          <form
            className="form-inline"
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => monitoringApi.expireWatch(watch.id, reason.trim()));
            }}
          >
            <label className="field">
              <span>{t('monitoring.watchForm.endReason')}</span>
              <input name="reason" value={reason} minLength={5} maxLength={500} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="submit" className="btn btn-danger" disabled={saving || reason.trim().length < 5}>
              {t('monitoring.watchForm.end')}
            </button>
          </form>
        </section>
      ) : null}

      {can('watches.manage') ? <WatchTestPanel query={form.query} /> : null}
    </div>
  );
}
