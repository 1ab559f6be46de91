import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../api/publishing.js';
import { useSession } from '../session/session.js';
import { localName } from '../ui/names.js';
import { issuesOf } from './issues.js';
import './publishing.css';

/** Small pieces the publishing screens share. */

export function PlatformName({ platform }: { platform: string }) {
  const { t } = useTranslation();
  return <>{t(`publishing.platforms.${platform}`, { defaultValue: platform })}</>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge pub-status pub-status-${status}`} data-status={status}>
      {t(`publishing.status.${status}`, { defaultValue: status })}
    </span>
  );
}

export function StateBadge({ state }: { state: string | null }) {
  const { t } = useTranslation();
  const s = state ?? 'none';
  return (
    <span className={`badge pub-state pub-state-${s}`} data-state={s}>
      {t(`publishing.pubState.${s}`, { defaultValue: s })}
    </span>
  );
}

/** The server's words about one field, beside the field. */
export function FieldIssues({ issues, field, id }: { issues: readonly FieldIssue[]; field: string; id?: string }) {
  const mine = issuesOf(issues, field);
  if (!mine.length) return null;
  return (
    <ul className="field-issues" id={id} data-field={field}>
      {mine.map((i, n) => (
        <li key={`${i.field}-${i.code}-${n}`}>{i.message}</li>
      ))}
    </ul>
  );
}

/** A unit's name in the reader's language, from the units the session knows. */
export function useUnitName(): (unitId: string | null) => string {
  const { units, locale } = useSession();
  const { t } = useTranslation();
  return (unitId) => {
    if (unitId === null) return t('publishing.pause.forceWide');
    const unit = units.find((u) => u.id === unitId);
    return unit ? localName(unit, locale) : unitId;
  };
}

export function accountLabel(a: { handle: string; displayName?: string }): string {
  return a.displayName ? `${a.displayName} (@${a.handle})` : `@${a.handle}`;
}
