import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi, usersApi } from '../../api/endpoints.js';
import type { AuditEntry, AuditVerifyResult, User } from '../../api/types.js';
import { useCan, useSession } from '../../session/session.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatDateTime, localName } from '../../ui/names.js';
import { EMPTY_FILTER, toAuditQuery, type AuditFilterForm } from './filters.js';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const { locale, units } = useSession();
  const unitLabel = (id: string | null) => {
    if (!id) return '';
    const unit = units.find((u) => u.id === id);
    return unit ? localName(unit, locale) : id;
  };
  const can = useCan();
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER);
  const [applied, setApplied] = useState<AuditFilterForm>(EMPTY_FILTER);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [users, setUsers] = useState<User[] | null>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<unknown>(null);

  const canListUsers = can('users.read');
  useEffect(() => {
    if (!canListUsers) return;
    usersApi
      .list()
      .then(({ users: list }) => setUsers(list))
      .catch(() => setUsers(null));
  }, [canListUsers]);

  const load = useCallback(async (filter: AuditFilterForm, before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await auditApi.list(toAuditQuery(filter, PAGE_SIZE, before));
      setEntries((current) => (before === undefined ? page.entries : [...current, ...page.entries]));
      setNextBefore(page.nextBefore);
      setLoaded(true);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(applied);
  }, [load, applied]);

  const set = (key: keyof AuditFilterForm, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ ...form });
  };
  const clear = () => {
    setForm(EMPTY_FILTER);
    setApplied({ ...EMPTY_FILTER });
  };

  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    setVerifyError(null);
    try {
      setVerify(await auditApi.verify());
    } catch (err) {
      setVerifyError(err);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="muted">{t('audit.intro')}</p>
        </div>
        <button type="button" className="btn" onClick={() => void runVerify()} disabled={verifying}>
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
      </div>
      {verify ? (
        verify.ok ? (
          <div className="alert alert-ok" role="status" data-testid="verify-result">
            <p>{t('audit.verifyOk', { count: verify.count })}</p>
          </div>
        ) : (
          <div className="alert alert-error" role="alert" data-testid="verify-result">
            <p>{t('audit.verifyBroken', { brokenAt: verify.brokenAt ?? '?', count: verify.count, reason: verify.reason ?? '' })}</p>
          </div>
        )
      ) : null}
      <ErrorMessage error={verifyError} />

      <form className="filters" onSubmit={apply}>
        <label className="field">
          <span>{t('audit.action')}</span>
          <input name="action" value={form.action} onChange={(e) => set('action', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('audit.actor')}</span>
          {users ? (
            <select name="actorId" value={form.actorId} onChange={(e) => set('actorId', e.target.value)}>
              <option value="">{t('audit.anyActor')}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName ? `${u.displayName} (${u.username})` : u.username}
                </option>
              ))}
            </select>
          ) : (
            <input name="actorId" value={form.actorId} onChange={(e) => set('actorId', e.target.value)} />
          )}
        </label>
        <label className="field">
          <span>{t('audit.targetType')}</span>
          <input name="targetType" value={form.targetType} onChange={(e) => set('targetType', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('audit.targetId')}</span>
          <input name="targetId" value={form.targetId} onChange={(e) => set('targetId', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('audit.from')}</span>
          <input name="from" type="date" value={form.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('audit.to')}</span>
          <input name="to" type="date" value={form.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {t('audit.filter')}
          </button>
          <button type="button" className="btn" onClick={clear}>
            {t('audit.clear')}
          </button>
        </div>
      </form>

      <ErrorMessage error={error} />
      {loaded && entries.length === 0 && !loading ? <p className="muted">{t('audit.none')}</p> : null}
      {entries.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th>{t('audit.at')}</th>
                <th>{t('audit.actor')}</th>
                <th>{t('audit.action')}</th>
                <th>{t('audit.target')}</th>
                <th>{t('audit.unit')}</th>
                <th>{t('audit.ip')}</th>
                <th>{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={String(e.id)} data-action={e.action}>
                  <td data-label={t('audit.at')}>
                    <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
                  </td>
                  <td data-label={t('audit.actor')}>{e.actorLabel || (e.actorId ? e.actorId : t('audit.system'))}</td>
                  <td data-label={t('audit.action')}>
                    <code>{e.action}</code>
                  </td>
                  <td data-label={t('audit.target')}>{[e.targetType, e.targetId].filter(Boolean).join(' · ')}</td>
                  <td data-label={t('audit.unit')}>{unitLabel(e.unitId)}</td>
                  <td data-label={t('audit.ip')}>{e.ip ?? ''}</td>
                  <td data-label={t('audit.details')} className="details-cell">
                    {e.details && Object.keys(e.details).length > 0 ? <code className="details">{JSON.stringify(e.details)}</code> : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {loading ? <p className="muted">{t('app.loading')}</p> : null}
      {nextBefore !== null && !loading ? (
        <button type="button" className="btn" onClick={() => void load(applied, nextBefore)}>
          {t('common.loadMore')}
        </button>
      ) : null}
      {loaded && nextBefore === null && entries.length > 0 ? <p className="muted small">{t('common.noMore')}</p> : null}
    </div>
  );
}
