import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types.js';
import { LOCALES } from '../i18n/index.js';
import { useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

/** English / हिन्दी: each label is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale } = useSession();
  const [error, setError] = useState<unknown>(null);

  const choose = async (next: Locale) => {
    setError(null);
    try {
      await setLocale(next);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === locale ? 'lang-option is-active' : 'lang-option'}
          aria-pressed={l === locale}
          data-locale={l}
          onClick={() => void choose(l)}
        >
          {t(`language.${l}`)}
        </button>
      ))}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
