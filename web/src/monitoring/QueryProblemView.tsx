import { useTranslation } from 'react-i18next';
import { splitAtPosition, type QueryProblem } from './query-error.js';

/** The query with the character where parsing failed marked, and the parser's reason. */
export function QueryProblemView({ query, problem }: { query: string; problem: QueryProblem }) {
  const { t } = useTranslation();
  const { before, at, after, line, column } = splitAtPosition(query, problem.position);
  return (
    <div className="query-error" role="alert" data-testid="query-error" data-position={problem.position}>
      <p>{t('monitoring.query.errorAt', { line, column, message: problem.message })}</p>
      <code>
        {before}
        <mark>{at}</mark>
        {after}
      </code>
    </div>
  );
}
