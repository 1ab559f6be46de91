import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (plain http, policy); the text stays selectable.
      setCopied(false);
    }
  };
  return (
    <button type="button" className="btn btn-small" onClick={() => void copy()}>
      {copied ? t('common.copied') : t('common.copy')}
    </button>
  );
}

/** A secret shown once (password, token) with a copy button. */
export function OnceSecret({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <div className="secret" role="status">
      <p className="secret-label">{label}</p>
      <div className="secret-row">
        <code className="secret-value" data-testid="secret-value">
          {value}
        </code>
        <CopyButton text={value} />
      </div>
      <p className="hint">{t('common.showOnce')}</p>
    </div>
  );
}
