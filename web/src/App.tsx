import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from './router/router.js';
import { matchPath } from './router/match.js';
import { useSession } from './session/session.js';
import { Layout } from './layout/Layout.js';
import { COMING_LATER } from './layout/nav-items.js';
import { LoginPage, TotpPage, AuthFrame } from './pages/LoginPage.js';
import { MustChangePassword } from './pages/MustChangePassword.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { ComingSoonPage, ForbiddenPage, NotFoundPage } from './pages/ComingSoonPage.js';
import { UsersPage } from './admin/users/UsersPage.js';
import { UnitsPage } from './admin/units/UnitsPage.js';
import { UnitDetailPage } from './admin/units/UnitDetailPage.js';
import { AuditPage } from './admin/audit/AuditPage.js';
import { ModelsPage } from './admin/models/ModelsPage.js';
import { SecurityPage } from './security/SecurityPage.js';
import { ErrorMessage } from './ui/ErrorMessage.js';
import { PUBLISHING_ROUTES } from './publishing/routes.js';
import { MONITORING_ROUTES } from './monitoring/routes.js';
import { PauseBanner } from './publishing/PauseBanner.js';

interface Route {
  pattern: string;
  permission?: string;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: Route[] = [
  { pattern: '/', render: () => <DashboardPage /> },
  ...Object.entries(COMING_LATER).map(([pattern, feature]) => ({ pattern, render: () => <ComingSoonPage feature={feature} /> })),
  { pattern: '/users', permission: 'users.read', render: () => <UsersPage /> },
  { pattern: '/units', permission: 'units.read', render: () => <UnitsPage /> },
  { pattern: '/units/:id', permission: 'units.read', render: (p) => <UnitDetailPage unitId={p.id!} /> },
  { pattern: '/audit', permission: 'audit.read', render: () => <AuditPage /> },
  { pattern: '/models', permission: 'models.read', render: () => <ModelsPage /> },
  { pattern: '/settings/security', permission: 'self', render: () => <SecurityPage /> },
  ...PUBLISHING_ROUTES,
  ...MONITORING_ROUTES,
];

export function App() {
  const { t } = useTranslation();
  const { state, refresh } = useSession();
  const { path } = useRouter();

  switch (state.status) {
    case 'loading':
      return (
        <div className="splash" aria-busy="true">
          {t('app.loading')}
        </div>
      );
    case 'error':
      return (
        <AuthFrame>
          <ErrorMessage error={state.error} />
          <button type="button" className="btn" onClick={() => void refresh()}>
            {t('common.retry')}
          </button>
        </AuthFrame>
      );
    case 'anonymous':
      return <LoginPage />;
    case 'second-factor':
      return <TotpPage />;
    case 'signed-in':
      break;
  }

  const me = state.me;
  if (me.mustChangePassword) return <MustChangePassword />;

  let page: ReactNode = <NotFoundPage />;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    page = route.permission && !me.permissions.includes(route.permission) ? <ForbiddenPage /> : route.render(params);
    break;
  }
  // Keyed by path so a page's own state starts fresh when the address changes.
  return (
    <Layout>
      {/* Every role may read the pauses: the banner is on every page while publishing is held. */}
      <PauseBanner />
      <div key={path}>{page}</div>
    </Layout>
  );
}
