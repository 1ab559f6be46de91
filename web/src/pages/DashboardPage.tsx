import { useTranslation } from 'react-i18next';
import { Link } from '../router/router.js';
import { useMe, useSession } from '../session/session.js';
import { localName } from '../ui/names.js';

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { locale, units, currentUnit } = useSession();
  const current = units.find((u) => u.id === currentUnit);

  return (
    <div className="page">
      <h1>{t('dashboard.greeting', { name: me.displayName || me.username })}</h1>
      <div className="cards">
        <section className="card">
          <h2>{t('dashboard.role')}</h2>
          <p className="big" data-testid="dashboard-role">
            {t(`roles.${me.role}`)}
          </p>
        </section>
        <section className="card">
          <h2>{t('dashboard.units')}</h2>
          {me.allUnits ? (
            <p>{t('dashboard.allUnits')}</p>
          ) : me.units.length === 0 ? (
            <p className="muted">{t('dashboard.noUnits')}</p>
          ) : (
            <ul className="plain-list">
              {me.units.map((u) => (
                <li key={u.id}>{localName(u, locale)}</li>
              ))}
            </ul>
          )}
          <p className="muted small">
            {t('dashboard.currentUnit')}: {current ? localName(current, locale) : me.allUnits ? t('topbar.allUnits') : t('topbar.allMyUnits')}
          </p>
        </section>
        <section className="card">
          <h2>{t('security.totpTitle')}</h2>
          <p>{me.totpEnabled ? t('dashboard.totpOn') : t('dashboard.totpOff')}</p>
          <Link to="/settings/security">{t('dashboard.securityLink')}</Link>
        </section>
      </div>
      <section className="panel">
        <h2>{t('dashboard.nextTitle')}</h2>
        <p>{t('dashboard.nextIntro')}</p>
      </section>
    </div>
  );
}
