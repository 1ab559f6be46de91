import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRouter } from '../router/router.js';
import { useMe, useSession } from '../session/session.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { UnitSwitcher } from './UnitSwitcher.js';
import { visibleNav } from './nav-items.js';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const { path, navigate } = useRouter();
  const [navOpen, setNavOpen] = useState(false);

  // On a phone the navigation is a drawer; it closes when a page is chosen.
  useEffect(() => setNavOpen(false), [path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <button type="button" className="nav-toggle" aria-expanded={navOpen} aria-controls="main-nav" onClick={() => setNavOpen((o) => !o)}>
          <span aria-hidden="true">☰</span>
          <span className="visually-hidden">{t('topbar.menu')}</span>
        </button>
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            छ
          </span>
          <span className="brand-name">{t('app.brand')}</span>
        </Link>
        <div className="topbar-tools">
          <UnitSwitcher />
          <LanguageSwitch />
          <div className="who" title={t('topbar.signedInAs', { name: me.username })}>
            <span className="who-name" data-testid="user-name">
              {me.displayName || me.username}
            </span>
            <span className="who-role">{t(`roles.${me.role}`)}</span>
          </div>
          <button type="button" className="btn btn-small" onClick={() => void logout().finally(() => navigate('/', { replace: true }))}>
            {t('topbar.logout')}
          </button>
        </div>
      </header>
      <div className="body">
        <nav id="main-nav" className={navOpen ? 'nav is-open' : 'nav'} aria-label={t('nav.label')}>
          {visibleNav(me.permissions).map((section, i) => (
            <div className="nav-section" key={section.heading ?? `top-${i}`}>
              {section.heading ? <div className="nav-heading">{t(section.heading)}</div> : null}
              <ul>
                {section.items.map((item) => (
                  <li key={item.path}>
                    <Link to={item.path} activePrefix={item.path} className="nav-link">
                      {t(item.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
