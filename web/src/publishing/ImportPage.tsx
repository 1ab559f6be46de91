import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_COLUMNS, csvApi, type CsvImportResult, type CsvRowError } from '../api/publishing.js';
import { rowErrorsOf } from './issues.js';
import { Link } from '../router/router.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';

/**
 * Bulk CSV import of scheduled posts: every row is checked by the server; while any row is bad
 * nothing is imported, and the page lists each error with its line. The user fixes the file here
 * (or in their spreadsheet) and checks again, or imports only the good rows.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<CsvRowError[] | null>(null);
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async (acceptGoodRows: boolean) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await csvApi.importPosts(csv, acceptGoodRows);
      setResult(r);
      setRowErrors(r.errors.length ? r.errors : null);
    } catch (err) {
      const rows = rowErrorsOf(err);
      setRowErrors(rows);
      if (!rows) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const lines = csv.split(/\r?\n/);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('publishing.import.title')}</h1>
          <p className="muted">{t('publishing.import.intro')}</p>
        </div>
      </div>
      <section className="panel">
        <p className="hint">
          {t('publishing.import.columns')} <code>{CSV_COLUMNS.join(',')}</code>
        </p>
        <label className="field">
          <span>{t('publishing.import.file')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              setRowErrors(null);
              setResult(null);
              file.text().then(setCsv, (err: unknown) => setError(err));
            }}
          />
        </label>
        <label className="field">
          <span>{fileName ? t('publishing.import.contentOf', { name: fileName }) : t('publishing.import.content')}</span>
          <textarea className="csv-text" name="csv" value={csv} spellCheck={false} onChange={(e) => setCsv(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn btn-primary" disabled={busy || !csv.trim()} onClick={() => void send(false)}>
            {t('publishing.import.check')}
          </button>
          {rowErrors && !result ? (
            <button type="button" className="btn" disabled={busy} onClick={() => void send(true)}>
              {t('publishing.import.acceptGood')}
            </button>
          ) : null}
        </div>
        <ErrorMessage error={error} />
      </section>
      {rowErrors && rowErrors.length ? (
        <section className="panel" data-testid="import-errors">
          <h2>{t('publishing.import.errors', { count: rowErrors.length })}</h2>
          {!result ? <p className="muted">{t('publishing.import.nothingYet')}</p> : null}
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('publishing.import.line')}</th>
                  <th>{t('publishing.import.column')}</th>
                  <th>{t('publishing.import.problem')}</th>
                  <th>{t('publishing.import.row')}</th>
                </tr>
              </thead>
              <tbody>
                {rowErrors.map((e, i) => (
                  <tr key={i} data-line={e.line}>
                    <td data-label={t('publishing.import.line')}>{e.line}</td>
                    <td data-label={t('publishing.import.column')}>{e.column ?? '—'}</td>
                    <td data-label={t('publishing.import.problem')}>{e.message}</td>
                    <td data-label={t('publishing.import.row')}>
                      <code className="details">{lines[e.line - 1] ?? ''}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {result ? (
        <Notice>
          {t('publishing.import.imported', { count: result.imported.length, rows: result.rows })}{' '}
          <Link to="/publishing/posts">{t('publishing.import.seePosts')}</Link>
        </Notice>
      ) : null}
    </div>
  );
}
