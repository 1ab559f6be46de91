import { useTranslation } from 'react-i18next';
import { Link } from '../router/router.js';

/** The honest placeholder for a capability that has a place in the navigation but no screen yet. */
export function ComingSoonPage({ feature }: { feature: string }) {
  const { t } = useTranslation();
  const name = t(feature);
  return (
    <div className="page">
      <h1>{name}</h1>
      <section className="panel panel-later" data-testid="coming-later">
        <h2>{t('comingSoon.title')}</h2>
        <p>{t('comingSoon.body', { feature: name })}</p>
        <Link to="/">{t('comingSoon.back')}</Link>
      </section>
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('comingSoon.back')}</Link>
    </div>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="alert alert-error" role="alert">
        <p>{t('errors.forbidden')}</p>
      </div>
      <Link to="/">{t('comingSoon.back')}</Link>
    </div>
  );
}
