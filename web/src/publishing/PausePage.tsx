import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pauseApi } from '../api/publishing.js';
import { useMe, useSession } from '../session/session.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';
import { localName } from '../ui/names.js';
import { FieldIssues } from './shared.js';
import { issuesFromError } from './issues.js';
import { announcePauseChange } from './pause-events.js';

/** Crisis pause (sb_supervisor, admin): hold publishing force-wide or for chosen units, with a reason. */
export function PausePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { units, locale } = useSession();
  const [scope, setScope] = useState<'force' | 'units'>(me.allUnits ? 'force' : 'units');
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    if (scope === 'units' && chosen.length === 0) {
      setError(new Error(t('publishing.pause.chooseUnits')));
      return;
    }
    if (!window.confirm(t('publishing.pause.confirmPause'))) return;
    setBusy(true);
    try {
      await pauseApi.start(reason.trim(), scope === 'units' ? chosen : undefined);
      setReason('');
      setChosen([]);
      setNotice(t('publishing.pause.started'));
      announcePauseChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const issues = issuesFromError(error);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('publishing.pause.title')}</h1>
          <p className="muted">{t('publishing.pause.intro')}</p>
        </div>
      </div>
      <section className="panel">
        <form className="form" onSubmit={(e) => void submit(e)}>
          <fieldset className="field">
            <legend>{t('publishing.pause.scope')}</legend>
            {me.allUnits ? (
              <label className="check">
                <input type="radio" name="scope" value="force" checked={scope === 'force'} onChange={() => setScope('force')} />
                <span>{t('publishing.pause.forceWide')}</span>
              </label>
            ) : null}
            <label className="check">
              <input type="radio" name="scope" value="units" checked={scope === 'units'} onChange={() => setScope('units')} />
              <span>{t('publishing.pause.chosenUnits')}</span>
            </label>
            {scope === 'units' ? (
              <div className="check-grid">
                {units.map((u) => (
                  <label className="check" key={u.id}>
                    <input
                      type="checkbox"
                      name="unitIds"
                      value={u.id}
                      checked={chosen.includes(u.id)}
                      onChange={(e) => setChosen(e.target.checked ? [...chosen, u.id] : chosen.filter((x) => x !== u.id))}
                    />
                    <span>{localName(u, locale)}</span>
                  </label>
                ))}
              </div>
            ) : null}
          </fieldset>
          <label className="field">
            <span>{t('publishing.pause.reason')}</span>
            <textarea name="reason" required minLength={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            <FieldIssues issues={issues} field="reason" />
          </label>
          <ErrorMessage error={error} />
          {notice ? <Notice>{notice}</Notice> : null}
          <button type="submit" className="btn btn-danger" disabled={busy || reason.trim().length < 3}>
            {t('publishing.pause.start')}
          </button>
        </form>
        <p className="hint">{t('publishing.pause.resumeHint')}</p>
      </section>
    </div>
  );
}
