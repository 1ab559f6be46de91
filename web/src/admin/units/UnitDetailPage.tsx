import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unitsApi } from '../../api/endpoints.js';
import { UNIT_KINDS, type Station, type Unit, type UnitKind } from '../../api/types.js';
import { Link } from '../../router/router.js';
import { useCan, useSession } from '../../session/session.js';
import { ErrorMessage, Notice } from '../../ui/ErrorMessage.js';
import { localName } from '../../ui/names.js';
import { useLoad } from '../../ui/use-load.js';
import { parseAliases } from './aliases.js';

export function UnitDetailPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const can = useCan();
  const manage = can('units.manage');
  const detail = useLoad(() => unitsApi.get(unitId), [unitId]);
  const [notice, setNotice] = useState<string | null>(null);
  const [addingStation, setAddingStation] = useState(false);
  const [editingStation, setEditingStation] = useState<string | null>(null);

  const saved = (message: string) => {
    setNotice(message);
    detail.reload();
  };

  return (
    <div className="page">
      <p>
        <Link to="/units">← {t('units.back')}</Link>
      </p>
      <ErrorMessage error={detail.error} />
      {detail.loading && !detail.data ? <p className="muted">{t('app.loading')}</p> : null}
      {detail.data ? (
        <>
          <div className="page-head">
            <div>
              <h1>{localName(detail.data.unit, locale)}</h1>
              <p className="muted">
                {t(`unitKinds.${detail.data.unit.kind}`)} · <code>{detail.data.unit.id}</code>
              </p>
            </div>
          </div>
          {notice ? <Notice>{notice}</Notice> : null}
          {manage ? <UnitEditForm unit={detail.data.unit} onSaved={() => saved(t('common.saved'))} /> : null}

          <section className="panel">
            <div className="panel-head">
              <h2>{t('units.stationsTitle')}</h2>
              {manage && !addingStation ? (
                <button type="button" className="btn btn-primary btn-small" onClick={() => setAddingStation(true)}>
                  {t('units.newStation')}
                </button>
              ) : null}
            </div>
            {addingStation ? (
              <StationForm
                unitId={unitId}
                onCancel={() => setAddingStation(false)}
                onSaved={(s) => {
                  setAddingStation(false);
                  saved(t('units.stationAdded', { name: localName(s, locale) }));
                }}
              />
            ) : null}
            {detail.data.stations.length === 0 ? <p className="muted">{t('units.noStations')}</p> : null}
            {detail.data.stations.length > 0 ? (
              <div className="table-wrap">
                <table className="table" data-testid="stations-table">
                  <thead>
                    <tr>
                      <th>{t('units.nameEn')}</th>
                      <th>{t('units.nameHi')}</th>
                      <th>{t('units.aliases')}</th>
                      <th>{t('units.status')}</th>
                      {manage ? <th>{t('common.actions')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {detail.data.stations.map((s) => (
                      <StationRow
                        key={s.id}
                        station={s}
                        manage={manage}
                        editing={editingStation === s.id}
                        onEdit={() => setEditingStation(editingStation === s.id ? null : s.id)}
                        onSaved={() => {
                          setEditingStation(null);
                          saved(t('common.saved'));
                        }}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}

function UnitEditForm({ unit, onSaved }: { unit: Unit; onSaved: () => void }) {
  const { t } = useTranslation();
  const [nameEn, setNameEn] = useState(unit.nameEn);
  const [nameHi, setNameHi] = useState(unit.nameHi);
  const [kind, setKind] = useState<UnitKind>(unit.kind);
  const [active, setActive] = useState(unit.active);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unitsApi.update(unit.id, { nameEn: nameEn.trim(), nameHi: nameHi.trim(), kind, active });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel">
      <h2>{t('units.editTitle')}</h2>
      <form className="form form-grid" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('units.nameEn')}</span>
          <input name="nameEn" lang="en" required value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('units.nameHi')}</span>
          <input name="nameHi" lang="hi" required value={nameHi} onChange={(e) => setNameHi(e.target.value)} />
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
        <label className="check">
          <input type="checkbox" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <span>{t('common.active')}</span>
        </label>
        <div className="field-wide">
          <ErrorMessage error={error} />
        </div>
        <div className="form-actions field-wide">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function StationRow({ station, manage, editing, onEdit, onSaved }: { station: Station; manage: boolean; editing: boolean; onEdit: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <tr className={station.active ? undefined : 'is-disabled'}>
        <td data-label={t('units.nameEn')}>{station.nameEn}</td>
        <td data-label={t('units.nameHi')} lang="hi">
          {station.nameHi}
        </td>
        <td data-label={t('units.aliases')}>{station.aliases.join(', ')}</td>
        <td data-label={t('units.status')}>{station.active ? t('common.active') : t('common.inactive')}</td>
        {manage ? (
          <td>
            <div className="row-actions">
              <button type="button" className="btn btn-small" onClick={onEdit} aria-expanded={editing}>
                {t('common.edit')}
              </button>
            </div>
          </td>
        ) : null}
      </tr>
      {editing ? (
        <tr className="row-editor">
          <td colSpan={5}>
            <StationForm station={station} unitId={station.unitId} onCancel={onEdit} onSaved={onSaved} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Adds a station to a unit, or edits one when `station` is given. */
function StationForm({ unitId, station, onSaved, onCancel }: { unitId: string; station?: Station; onSaved: (s: Station) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [id, setId] = useState('');
  const [nameEn, setNameEn] = useState(station?.nameEn ?? '');
  const [nameHi, setNameHi] = useState(station?.nameHi ?? '');
  const [aliases, setAliases] = useState(station?.aliases.join(', ') ?? '');
  const [active, setActive] = useState(station?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { nameEn: nameEn.trim(), nameHi: nameHi.trim(), aliases: parseAliases(aliases) };
      const result = station
        ? await unitsApi.updateStation(station.id, { ...body, active })
        : await unitsApi.addStation(unitId, { id: id.trim(), ...body });
      onSaved(result.station);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <form className="form form-grid" onSubmit={(e) => void submit(e)}>
      {station ? null : (
        <label className="field">
          <span>{t('units.id')}</span>
          <input name="id" required pattern="[a-z0-9][a-z0-9_\-]*" autoCapitalize="none" spellCheck={false} value={id} onChange={(e) => setId(e.target.value)} />
          <small className="hint">{t('units.idHint')}</small>
        </label>
      )}
      <label className="field">
        <span>{t('units.nameEn')}</span>
        <input name="nameEn" lang="en" required value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('units.nameHi')}</span>
        <input name="nameHi" lang="hi" required value={nameHi} onChange={(e) => setNameHi(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('units.aliases')}</span>
        <input name="aliases" value={aliases} onChange={(e) => setAliases(e.target.value)} />
        <small className="hint">{t('units.aliasesHint')}</small>
      </label>
      {station ? (
        <label className="check">
          <input type="checkbox" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <span>{t('common.active')}</span>
        </label>
      ) : null}
      <div className="field-wide">
        <ErrorMessage error={error} />
      </div>
      <div className="form-actions field-wide">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {station ? t('common.save') : t('common.add')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
