import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../session/session.js';
import { localName } from '../ui/names.js';

/** Chooses the unit the pages filter by; scoped users see only their units. */
export function UnitSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const { units, currentUnit, setCurrentUnit, locale } = useSession();

  if (!me.allUnits && units.length === 0) {
    return <span className="unit-empty muted small">{t('topbar.noUnits')}</span>;
  }
  const allLabel = me.allUnits ? t('topbar.allUnits') : t('topbar.allMyUnits');
  const offerAll = me.allUnits || units.length > 1;

  return (
    <label className="unit-switcher">
      <span className="visually-hidden">{t('topbar.unit')}</span>
      <select name="unit" value={currentUnit ?? ''} onChange={(e) => setCurrentUnit(e.target.value || null)}>
        {offerAll ? <option value="">{allLabel}</option> : null}
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {localName(u, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
