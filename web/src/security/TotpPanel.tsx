import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/endpoints.js';
import { useMe, useSession } from '../session/session.js';
import { CopyButton } from '../ui/CopyButton.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';

export function TotpPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useSession();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const start = () => run(async () => setSetup(await authApi.totpSetup()));
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await authApi.totpEnable(code.replace(/\s+/g, ''));
      setSetup(null);
      setCode('');
      setNotice(t('security.totpEnabled'));
      await refresh();
    });
  };
  const disable = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await authApi.totpDisable(password);
      setPassword('');
      setNotice(t('security.totpDisabled'));
      await refresh();
    });
  };

  return (
    <section className="panel">
      <h2>{t('security.totpTitle')}</h2>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorMessage error={error} />
      {me.totpEnabled ? (
        <>
          <p>{t('security.totpIntroOn')}</p>
          <form className="form" onSubmit={disable}>
            <h3>{t('security.totpDisableTitle')}</h3>
            <label className="field">
              <span>{t('security.totpDisablePassword')}</span>
              <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            <button type="submit" className="btn btn-danger" disabled={busy}>
              {t('security.totpDisable')}
            </button>
          </form>
        </>
      ) : setup ? (
        <form className="form" onSubmit={confirm}>
          <p>{t('security.totpStep1')}</p>
          <div className="field">
            <span>{t('security.totpSecret')}</span>
            <div className="secret-row">
              <code className="secret-value" data-testid="totp-secret">
                {setup.secret}
              </code>
              <CopyButton text={setup.secret} />
            </div>
          </div>
          <div className="field">
            <span>{t('security.totpUrl')}</span>
            <div className="secret-row">
              <code className="secret-value wrap">{setup.otpauthUrl}</code>
              <CopyButton text={setup.otpauthUrl} />
            </div>
          </div>
          <p>{t('security.totpStep2')}</p>
          <label className="field">
            <span>{t('security.totpCode')}</span>
            <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,8}" required value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('security.totpConfirm')}
            </button>
            <button type="button" className="btn" onClick={() => setSetup(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>{t('security.totpIntroOff')}</p>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void start()}>
            {t('security.totpStart')}
          </button>
        </>
      )}
    </section>
  );
}
