import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monitoringApi, type WatchTestResult } from '../api/monitoring.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { queryProblemOf } from './query-error.js';
import { QueryProblemView } from './QueryProblemView.js';
import { MentionCard } from './shared.js';

const TEST_LIMIT = 50;

/** "Test this watch": what the query would have matched among the user's mentions of the last 7 days. */
export function WatchTestPanel({ query }: { query: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<WatchTestResult | null>(null);
  const [tested, setTested] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    const q = query.trim();
    setRunning(true);
    setError(null);
    setResult(null);
    setTested(q);
    try {
      setResult(await monitoringApi.testWatch(q, TEST_LIMIT));
    } catch (err) {
      setError(err);
    } finally {
      setRunning(false);
    }
  };

  const problem = queryProblemOf(error);
  const peak = result ? Math.max(1, ...result.byDay.map((d) => d.n)) : 1;
  return (
    <section className="panel" data-testid="watch-test">
      <div className="panel-head">
        <h2>{t('monitoring.test.title')}</h2>
        <button type="button" className="btn" disabled={running || !query.trim()} onClick={() => void run()}>
          {running ? t('monitoring.test.running') : t('monitoring.test.run')}
        </button>
      </div>
      <p className="muted small">{t('monitoring.test.intro')}</p>
      {problem ? <QueryProblemView query={tested} problem={problem} /> : <ErrorMessage error={error} />}
      {result ? (
        <>
          <p data-testid="test-summary">{t('monitoring.test.summary', { matched: result.matched, scanned: result.scanned, days: result.days })}</p>
          {result.truncated ? <p className="muted small">{t('monitoring.test.truncated')}</p> : null}
          {result.byDay.length > 0 ? (
            <div className="bars" aria-label={t('monitoring.test.byDay')}>
              {result.byDay.map((d) => (
                <span key={d.day} title={`${d.day}: ${d.n}`} style={{ height: `${Math.round((d.n / peak) * 100)}%` }} />
              ))}
            </div>
          ) : null}
          <div className="mention-list" data-testid="test-matches">
            {result.mentions.map((m) => (
              <MentionCard key={m.id} m={m} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
