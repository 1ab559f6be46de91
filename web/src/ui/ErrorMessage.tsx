import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { describeError } from '../api/error-text.js';

/** An error from the API or the browser, in the reader's language, with the server's words when useful. */
/** `keys` replaces the text of some codes where the screen knows better (a wrong TOTP code). */
export function ErrorMessage({ error, keys }: { error: unknown; keys?: Record<string, string> }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const text = describeError(error);
  const code = error instanceof ApiError ? error.code : null;
  if (code && keys?.[code]) {
    text.key = keys[code];
    text.serverMessage = null;
  }
  return (
    <div className="alert alert-error" role="alert">
      {text.key ? <p>{t(text.key, text.values)}</p> : <p>{text.serverMessage}</p>}
      {text.key && text.serverMessage ? <p className="alert-detail">{t('errors.details', { message: text.serverMessage })}</p> : null}
    </div>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div className="alert alert-ok" role="status">
      {children}
    </div>
  );
}
