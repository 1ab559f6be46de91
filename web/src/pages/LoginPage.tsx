import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { LanguageSwitch } from '../layout/LanguageSwitch.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <AuthFrame>
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      <form onSubmit={(e) => void submit(e)} className="form">
        <label className="field">
          <span>{t('login.username')}</span>
          <input name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </AuthFrame>
  );
}

export function TotpPage() {
  const { t } = useTranslation();
  const { verifyTotp, logout } = useSession();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await verifyTotp(code.replace(/\s+/g, ''));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <AuthFrame>
      <h1>{t('login.totpTitle')}</h1>
      <p className="muted">{t('login.totpIntro')}</p>
      <form onSubmit={(e) => void submit(e)} className="form">
        <label className="field">
          <span>{t('login.totpCode')}</span>
          <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,8}" required value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <ErrorMessage error={error} keys={{ invalid_credentials: 'errors.invalid_code' }} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('login.totpSubmit')}
        </button>
        <button type="button" className="btn btn-link" onClick={() => void logout()}>
          {t('login.backToLogin')}
        </button>
      </form>
    </AuthFrame>
  );
}

/** The centred card of the sign-in screens, with the brand and the language switch. */
export function AuthFrame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-screen">
      <div className="auth-card">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">
            छ
          </span>
          <div>
            <div className="brand-name">{t('app.brand')}</div>
            <div className="muted small">{t('app.tagline')}</div>
          </div>
        </div>
        <LanguageSwitch />
        <main>{children}</main>
      </div>
    </div>
  );
}
