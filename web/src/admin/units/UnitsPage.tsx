import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unitsApi } from '../../api/endpoints.js';
import { UNIT_KINDS, type UnitKind } from '../../api/types.js';
import { Link } from '../../router/router.js';
import { useCan, useSession } from '../../session/session.js';
import { ErrorMessage, Notice } from '../../ui/ErrorMessage.js';
import { localName } from '../../ui/names.js';
import { useLoad } from '../../ui/use-load.js';

export function UnitsPage() {
  const { t } = useTranslation();
  const { locale } = useSession();
  const can = useCan();
  const manage = can('units.manage');
  const units = useLoad(() => unitsApi.list(), []);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = units.data?.units ?? [];

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('units.title')}</h1>
          <p className="muted">{t('units.intro')}</p>
        </div>
        {manage && !creating ? (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('units.new')}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={units.error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {creating ? (
        <NewUnitForm
          parents={list.map((u) => ({ id: u.id, label: localName(u, locale) }))}
          onCancel={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            setNotice(t('units.created', { name }));
            units.reload();
          }}
        />
      ) : null}
      {units.loading && !units.data ? <p className="muted">{t('app.loading')}</p> : null}
      {units.data && list.length === 0 ? <p className="muted">{t('units.none')}</p> : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="units-table">
            <thead>
              <tr>
                <th>{t('units.name')}</th>
                <th>{t('units.kind')}</th>
                <th>{t('units.parent')}</th>
                <th className="num">{t('units.stationCount')}</th>
                <th>{t('units.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => {
                const parent = u.parentId ? list.find((p) => p.id === u.parentId) : undefined;
                return (
                  <tr key={u.id} className={u.active ? undefined : 'is-disabled'}>
                    <td data-label={t('units.name')}>
                      <Link to={`/units/${encodeURIComponent(u.id)}`}>{localName(u, locale)}</Link>
                    </td>
                    <td data-label={t('units.kind')}>{t(`unitKinds.${u.kind}`)}</td>
                    <td data-label={t('units.parent')}>{parent ? localName(parent, locale) : (u.parentId ?? '—')}</td>
                    <td data-label={t('units.stationCount')} className="num">
                      {u.stationCount}
                    </td>
                    <td data-label={t('units.status')}>{u.active ? t('common.active') : t('common.inactive')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function NewUnitForm({ parents, onCreated, onCancel }: { parents: { id: string; label: string }[]; onCreated: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const [id, setId] = useState('');
  const [kind, setKind] = useState<UnitKind>('district');
  const [nameEn, setNameEn] = useState('');
  const [nameHi, setNameHi] = useState('');
  const [parentId, setParentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { unit } = await unitsApi.create({ id: id.trim(), kind, nameEn: nameEn.trim(), nameHi: nameHi.trim(), ...(parentId ? { parentId } : {}) });
      onCreated(localName(unit, locale));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section className="panel">
      <h2>{t('units.new')}</h2>
      <form className="form form-grid" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('units.id')}</span>
          <input name="id" required pattern="[a-z0-9][a-z0-9_\-]*" autoCapitalize="none" spellCheck={false} value={id} onChange={(e) => setId(e.target.value)} />
          <small className="hint">{t('units.idHint')}</small>
        </label>
        <label className="field">
          <span>{t('units.kind')}</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`unitKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('units.nameEn')}</span>
          <input name="nameEn" lang="en" required value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('units.nameHi')}</span>
          <input name="nameHi" lang="hi" required value={nameHi} onChange={(e) => setNameHi(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('units.parent')}</span>
          <select name="parentId" value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('units.noParent')}</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <div className="field-wide">
          <ErrorMessage error={error} />
        </div>
        <div className="form-actions field-wide">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('common.create')}
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
