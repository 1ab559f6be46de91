import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type Unit, type User } from '../../api/types.js';
import { useSession } from '../../session/session.js';
import { localName } from '../../ui/names.js';

/** Roles that always see the whole force and take no units (src/auth/roles.ts). */
export const FORCE_WIDE: readonly Role[] = ['admin', 'sb_supervisor', 'leadership'];
/** Scoped roles that may instead be given every unit (src/users/user-rules.ts). */
const ALL_UNITS_ALLOWED: readonly Role[] = ['analyst'];

export interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  allUnits: boolean;
  unitIds: string[];
  password: string;
}

interface Props {
  /** Set when editing: the username is then fixed and there is no password field. */
  user?: User;
  units: Unit[];
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: UserFormValues) => void;
  onCancel?: () => void;
}

export function UserForm({ user, units, busy, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const [values, setValues] = useState<UserFormValues>({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'analyst',
    allUnits: user?.allUnits ?? false,
    unitIds: user?.unitIds ?? [],
    password: '',
  });
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const forceWide = FORCE_WIDE.includes(values.role);
  const mayHaveAll = ALL_UNITS_ALLOWED.includes(values.role);
  const allUnits = mayHaveAll && values.allUnits;

  const toggleUnit = (id: string, on: boolean) =>
    set('unitIds', on ? [...values.unitIds.filter((u) => u !== id), id] : values.unitIds.filter((u) => u !== id));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };

  return (
    <form className="form form-grid" onSubmit={submit}>
      {user ? null : (
        <label className="field">
          <span>{t('users.username')}</span>
          <input name="username" required autoComplete="off" autoCapitalize="none" spellCheck={false} value={values.username} onChange={(e) => set('username', e.target.value)} />
        </label>
      )}
      <label className="field">
        <span>{t('users.displayName')}</span>
        <input name="displayName" required value={values.displayName} onChange={(e) => set('displayName', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('users.role')}</span>
        <select name="role" value={values.role} onChange={(e) => set('role', e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {user ? null : (
        <label className="field">
          <span>
            {t('users.password')} ({t('common.optional')})
          </span>
          <input name="password" type="password" autoComplete="new-password" value={values.password} onChange={(e) => set('password', e.target.value)} />
          <small className="hint">{t('users.passwordHint')}</small>
        </label>
      )}
      <fieldset className="field field-wide">
        <legend>{t('users.units')}</legend>
        {forceWide ? (
          <p className="hint">{t('users.forceWideHint')}</p>
        ) : (
          <>
            {mayHaveAll ? (
              <label className="check">
                <input type="checkbox" name="allUnits" checked={values.allUnits} onChange={(e) => set('allUnits', e.target.checked)} />
                <span>
                  {t('users.allUnits')} <small className="hint">{t('users.allUnitsHint')}</small>
                </span>
              </label>
            ) : null}
            {allUnits ? null : (
              <div className="check-grid">
                {units.map((u) => (
                  <label className="check" key={u.id}>
                    <input type="checkbox" name="unitIds" value={u.id} checked={values.unitIds.includes(u.id)} onChange={(e) => toggleUnit(u.id, e.target.checked)} />
                    <span>{localName(u, locale)}</span>
                  </label>
                ))}
              </div>
            )}
          </>
        )}
      </fieldset>
      <div className="form-actions field-wide">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('common.working') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * What the API receives for the scope: force-wide roles carry no units of their own, only some
 * roles may be given every unit, every other scoped user needs a list.
 */
export function scopeOf(values: Pick<UserFormValues, 'role' | 'allUnits' | 'unitIds'>): { allUnits: boolean; unitIds: string[] } {
  if (FORCE_WIDE.includes(values.role)) return { allUnits: false, unitIds: [] };
  if (values.allUnits && ALL_UNITS_ALLOWED.includes(values.role)) return { allUnits: true, unitIds: [] };
  return { allUnits: false, unitIds: [...new Set(values.unitIds)] };
}
