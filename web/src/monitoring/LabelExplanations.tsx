import { useTranslation } from 'react-i18next';
import type { MentionExplanation } from '../api/monitoring.js';

/**
 * Why the mention carries each of its labels: the top words and letter groups of its text, with
 * their weight. N-grams come from posts anyone can write, so they are only ever text here.
 */
export function LabelExplanations({ explanation, labelText }: { explanation: MentionExplanation; labelText: (label: string) => string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="explanation">
      <h3>{t('monitoring.detail.why')}</h3>
      <p className="muted small">{t('monitoring.detail.whyHint', { model: explanation.model })}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('monitoring.detail.label')}</th>
            <th>{t('monitoring.detail.ngrams')}</th>
          </tr>
        </thead>
        <tbody>
          {explanation.labels.map((l) => (
            <tr key={l.label} data-label={l.label}>
              <td>{labelText(l.label)}</td>
              <td>
                {l.ngrams.length === 0 ? <span className="muted">{t('monitoring.detail.none')}</span> : null}
                {l.ngrams.map((n, i) => (
                  <span key={n.ngram}>
                    {i > 0 ? ' · ' : null}
                    <code data-testid="ngram">{n.ngram}</code> <span className="muted small">{n.weight.toFixed(3)}</span>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
