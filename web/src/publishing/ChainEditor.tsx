import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../api/types.js';

/** An ordered list of approving roles: add, move up or down, remove. */
export function ChainEditor({ value, onChange }: { value: Role[]; onChange: (chain: Role[]) => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<Role>('district_officer');
  const move = (i: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  const available = ROLES.filter((r) => !value.includes(r));
  return (
    <div className="chain-editor" data-testid="chain-editor">
      <ol className="plain-list">
        {value.map((role, i) => (
          <li key={role} data-role={role}>
            <span>{t(`roles.${role}`)}</span>{' '}
            <span className="row-actions">
              <button type="button" className="btn btn-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('publishing.accounts.moveUp', { role: t(`roles.${role}`) })}>
                ↑
              </button>
              <button type="button" className="btn btn-small" disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={t('publishing.accounts.moveDown', { role: t(`roles.${role}`) })}>
                ↓
              </button>
              <button type="button" className="btn btn-small btn-danger" disabled={value.length === 1} onClick={() => onChange(value.filter((r) => r !== role))}>
                {t('publishing.accounts.removeRole')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {available.length ? (
        <div className="form-actions">
          <select aria-label={t('publishing.accounts.roleToAdd')} value={available.includes(adding) ? adding : available[0]} onChange={(e) => setAdding(e.target.value as Role)}>
            {available.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" onClick={() => onChange([...value, available.includes(adding) ? adding : available[0]!])}>
            {t('publishing.accounts.addRole')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
