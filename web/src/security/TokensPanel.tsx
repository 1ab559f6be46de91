import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/endpoints.js';
import { permissionKey } from '../i18n/index.js';
import { useMe, useSession } from '../session/session.js';
import { OnceSecret } from '../ui/CopyButton.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/names.js';
import { useLoad } from '../ui/use-load.js';

export function TokensPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const { locale } = useSession();
  const tokens = useLoad(() => authApi.tokens(), []);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (scope: string, on: boolean) => setScopes((s) => (on ? [...s.filter((x) => x !== scope), scope] : s.filter((x) => x !== scope)));

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    setError(null);
    if (scopes.length === 0) return setProblem(t('security.tokenNoScopes'));
    setProblem(null);
    setBusy(true);
    try {
      const expiresInDays = days.trim() ? Number(days) : undefined;
      const result = await authApi.createToken({ name: name.trim(), scopes, ...(expiresInDays ? { expiresInDays } : {}) });
      setCreated(result.token);
      setName('');
      setScopes([]);
      setDays('');
      tokens.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string, tokenName: string) => {
    if (!window.confirm(t('security.tokenConfirmRevoke', { name: tokenName }))) return;
    setError(null);
    try {
      await authApi.revokeToken(id);
      tokens.reload();
    } catch (err) {
      setError(err);
    }
  };

  const list = tokens.data?.tokens ?? [];

  return (
    <section className="panel">
      <h2>{t('security.tokensTitle')}</h2>
      <p className="muted">{t('security.tokensIntro')}</p>
      {created ? <OnceSecret label={t('security.tokenCreated')} value={created} /> : null}
      <ErrorMessage error={error ?? tokens.error} />
      <form className="form form-grid" onSubmit={(e) => void create(e)}>
        <label className="field">
          <span>{t('security.tokenName')}</span>
          <input name="tokenName" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>
            {t('security.tokenExpires')} ({t('common.optional')})
          </span>
          <input name="expiresInDays" type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <fieldset className="field field-wide">
          <legend>{t('security.tokenScopes')}</legend>
          <div className="check-grid">
            {me.permissions.map((p) => (
              <label className="check" key={p}>
                <input type="checkbox" name="scopes" value={p} checked={scopes.includes(p)} onChange={(e) => toggle(p, e.target.checked)} />
                <span>
                  {t(permissionKey(p), { defaultValue: p })} <code className="small">{p}</code>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {problem ? (
          <div className="alert alert-error field-wide" role="alert">
            <p>{problem}</p>
          </div>
        ) : null}
        <div className="form-actions field-wide">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('security.tokenCreate')}
          </button>
        </div>
      </form>

      {tokens.data && list.length === 0 ? <p className="muted">{t('security.tokensNone')}</p> : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="tokens-table">
            <thead>
              <tr>
                <th>{t('security.tokenName')}</th>
                <th>{t('security.tokenPrefix')}</th>
                <th>{t('security.tokenScopes')}</th>
                <th>{t('security.tokenCreatedAt')}</th>
                <th>{t('security.tokenLastUsed')}</th>
                <th>{t('security.tokenExpiresAt')}</th>
                <th>{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => (
                <tr key={token.id} className={token.revokedAt ? 'is-disabled' : undefined}>
                  <td data-label={t('security.tokenName')}>{token.name}</td>
                  <td data-label={t('security.tokenPrefix')}>
                    <code>{token.prefix}…</code>
                  </td>
                  <td data-label={t('security.tokenScopes')}>{token.scopes.join(', ')}</td>
                  <td data-label={t('security.tokenCreatedAt')}>{formatDateTime(token.createdAt, locale)}</td>
                  <td data-label={t('security.tokenLastUsed')}>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('common.never')}</td>
                  <td data-label={t('security.tokenExpiresAt')}>{token.expiresAt ? formatDateTime(token.expiresAt, locale) : t('common.never')}</td>
                  <td>
                    <div className="row-actions">
                      {token.revokedAt ? (
                        <span className="badge badge-off">{t('security.tokenRevoked')}</span>
                      ) : (
                        <button type="button" className="btn btn-small btn-danger" onClick={() => void revoke(token.id, token.name)}>
                          {t('security.tokenRevoke')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
