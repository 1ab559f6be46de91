import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/endpoints.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';

const MIN_LENGTH = 12;

export function PasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (next.length < MIN_LENGTH) return setProblem(t('password.tooShort'));
    if (next !== repeat) return setProblem(t('password.mismatch'));
    setProblem(null);
    setBusy(true);
    try {
      await authApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      onChanged?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('password.current')}</span>
        <input type="password" name="currentPassword" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('password.new')}</span>
        <input type="password" name="newPassword" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
        <small className="hint">{t('password.hint')}</small>
      </label>
      <label className="field">
        <span>{t('password.confirm')}</span>
        <input type="password" name="repeatPassword" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </label>
      {problem ? (
        <div className="alert alert-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <ErrorMessage error={error} />
      {done ? <Notice>{t('password.changed')}</Notice> : null}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('password.submit')}
      </button>
    </form>
  );
}
