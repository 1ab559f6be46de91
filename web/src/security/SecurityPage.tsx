import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/endpoints.js';
import { useMe, useSession } from '../session/session.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';
import { PasswordForm } from './PasswordForm.js';
import { TotpPanel } from './TotpPanel.js';
import { TokensPanel } from './TokensPanel.js';

export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('security.title')}</h1>
      <p className="muted">{t('security.intro')}</p>
      <ProfilePanel />
      <section className="panel">
        <h2>{t('password.title')}</h2>
        <PasswordForm />
      </section>
      <TotpPanel />
      <TokensPanel />
    </div>
  );
}

function ProfilePanel() {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useSession();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await authApi.updateMe({ displayName: displayName.trim() });
      await refresh();
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel">
      <h2>{t('security.profileTitle')}</h2>
      <form className="form form-inline" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('security.displayName')}</span>
          <input name="displayName" required maxLength={100} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {saved ? <Notice>{t('common.saved')}</Notice> : null}
    </section>
  );
}
