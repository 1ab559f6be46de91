import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session.js';
import { AuthFrame } from './LoginPage.js';
import { PasswordForm } from '../security/PasswordForm.js';

/** Shown instead of the app until a user whose password an administrator set chooses their own. */
export function MustChangePassword() {
  const { t } = useTranslation();
  const { refresh, logout } = useSession();
  return (
    <AuthFrame>
      <h1>{t('mustChange.title')}</h1>
      <p className="muted">{t('mustChange.intro')}</p>
      <PasswordForm onChanged={() => void refresh()} />
      <button type="button" className="btn btn-link" onClick={() => void logout()}>
        {t('topbar.logout')}
      </button>
    </AuthFrame>
  );
}
