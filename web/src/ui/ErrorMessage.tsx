import { useTranslation } from 'react-i18next';
import { describeError } from '../api/error-text.js';

/** An error from the API or the browser, in the reader's language, with the server's words when useful. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const text = describeError(error);
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
