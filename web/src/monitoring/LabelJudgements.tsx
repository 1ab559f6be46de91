import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentionLabelsApi, valuesOf, type Judgement, type JudgementInput, type LabelValue, type MentionLabels } from '../api/mention-labels.js';
import { useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/names.js';
import { useLoad } from '../ui/use-load.js';

/** A label's value in words: yes/no for a binary label, the class otherwise. */
export function useValueText(): (value: LabelValue | null) => string {
  const { t } = useTranslation();
  return (value) => {
    if (value === null) return t('monitoring.judge.unclassified');
    if (typeof value === 'boolean') return t(value ? 'monitoring.judge.yes' : 'monitoring.judge.no');
    return t(`monitoring.labelValues.${value}`, { defaultValue: value });
  };
}

export interface LabelJudgementsViewProps {
  data: MentionLabels;
  labelText: (label: string) => string;
  formatTime: (iso: string) => string;
  /** Called with one judgement when the reader confirms or corrects a label; absent while saving. */
  onJudge?: ((j: JudgementInput) => void) | undefined;
  note: string;
  onNote: (note: string) => void;
}

/**
 * Per label: the model's decision, each analyst's latest judgement with who and when, the earlier
 * ones, and (for those who may label) a button to confirm the decision and one per other value to
 * correct it. Names and notes are shown as text only.
 */
export function LabelJudgementsView({ data, labelText, formatTime, onJudge, note, onNote }: LabelJudgementsViewProps) {
  const { t } = useTranslation();
  const valueText = useValueText();
  const canLabel = data.abilities.label;
  const earlier = (label: string, current: Judgement[]) => data.history.filter((j) => j.label === label && !current.some((c) => c.id === j.id));
  const judgementText = (j: Judgement) => t('monitoring.judge.by', { value: valueText(j.value), name: j.analyst.name, at: formatTime(j.at) });

  return (
    <div data-testid="judgements">
      <h3>{t('monitoring.judge.title')}</h3>
      <p className="muted small">{canLabel ? t('monitoring.judge.hint') : t('monitoring.judge.readOnly')}</p>
      {canLabel ? (
        <label className="field">
          <span>{t('monitoring.judge.note')}</span>
          <input type="text" maxLength={1000} value={note} onChange={(e) => onNote(e.target.value)} data-testid="judge-note" />
        </label>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th>{t('monitoring.detail.label')}</th>
            <th>{t('monitoring.judge.model')}</th>
            <th>{t('monitoring.judge.analysts')}</th>
            {canLabel ? <th>{t('monitoring.judge.action')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {data.labels.map(({ label, predicted, current }) => {
            const past = earlier(label, current);
            // The model's decision first (to confirm), then the values that would correct it.
            const values = predicted === null ? valuesOf(label) : [predicted, ...valuesOf(label).filter((v) => v !== predicted)];
            return (
              <tr key={label} data-label={label}>
                <td>{labelText(label)}</td>
                <td data-testid="predicted">{valueText(predicted)}</td>
                <td>
                  {current.length === 0 ? <span className="muted">{t('monitoring.judge.none')}</span> : null}
                  {current.map((j) => (
                    <p key={j.id} className="small" data-testid="judgement">
                      {j.predicted !== null && j.value !== j.predicted ? <span className="badge badge-warn">{t('monitoring.judge.corrected')}</span> : null}{' '}
                      {judgementText(j)}
                      {j.note ? <span className="muted"> · {j.note}</span> : null}
                    </p>
                  ))}
                  {past.length > 0 ? (
                    <details>
                      <summary className="small">{t('monitoring.judge.earlier', { count: past.length })}</summary>
                      <ul className="plain-list small">
                        {past.map((j) => (
                          <li key={j.id}>
                            {judgementText(j)}
                            {j.note ? <span className="muted"> · {j.note}</span> : null}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </td>
                {canLabel ? (
                  <td className="judge-actions">
                    {values.map((value) => (
                      <button
                        key={String(value)}
                        type="button"
                        className={value === predicted ? 'btn btn-primary btn-small' : 'btn btn-small'}
                        disabled={!onJudge}
                        data-testid={value === predicted ? 'confirm' : 'correct'}
                        onClick={() => onJudge?.(note.trim() ? { label, value, note: note.trim() } : { label, value })}
                      >
                        {predicted === null
                          ? t('monitoring.judge.mark', { value: valueText(value) })
                          : value === predicted
                            ? t('monitoring.judge.confirm', { value: valueText(value) })
                            : t('monitoring.judge.correct', { value: valueText(value) })}
                      </button>
                    ))}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Loads a mention's judgements and saves the reader's, one label at a time. */
export function LabelJudgements({ mentionId, labelText }: { mentionId: string; labelText: (label: string) => string }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const { data, error } = useLoad(() => mentionLabelsApi.get(mentionId), [mentionId]);
  const [saved, setSaved] = useState<MentionLabels | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [note, setNote] = useState('');

  if (error) return <ErrorMessage error={error} />;
  const shown = saved ?? data;
  if (!shown) return <p className="muted">{t('app.loading')}</p>;

  const judge = (j: JudgementInput) => {
    setSaving(true);
    setSaveError(null);
    mentionLabelsApi
      .judge(mentionId, [j])
      .then((next) => {
        setSaved(next);
        setNote('');
      })
      .catch((err: unknown) => setSaveError(err))
      .finally(() => setSaving(false));
  };

  return (
    <>
      <ErrorMessage error={saveError} />
      <LabelJudgementsView data={shown} labelText={labelText} formatTime={(iso) => formatDateTime(iso, locale)} onJudge={saving ? undefined : judge} note={note} onNote={setNote} />
    </>
  );
}
