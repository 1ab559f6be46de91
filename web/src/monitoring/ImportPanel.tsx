import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { monitoringApi, type ImportFormat, type ImportReport } from '../api/monitoring.js';
import { useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { localName } from '../ui/names.js';
import { IMPORT_MAX_BYTES, importFormatOf } from './source-form.js';

/** Most rejected lines listed on the page; the count says how many there were in all. */
const SHOWN_REJECTS = 200;

/**
 * Uploads a CSV or JSON-lines file of mentions and shows the server's report: rows read, rows
 * imported, and each bad line with its reason. Everything in the report is shown as text.
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { units, locale } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [platform, setPlatform] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [restart, setRestart] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);

  const chosenFormat: ImportFormat | null = format || (file ? importFormatOf(file.name) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setProblem(null);
    if (!file) return setProblem('monitoring.import.errors.noFile');
    if (!chosenFormat) return setProblem('monitoring.import.errors.format');
    if (file.size > IMPORT_MAX_BYTES) return setProblem('monitoring.import.errors.tooLarge');
    if (platform && !/^[a-z][a-z0-9_]{0,31}$/.test(platform)) return setProblem('monitoring.sourceForm.errors.platform');
    setBusy(true);
    setReport(null);
    try {
      setReport(await monitoringApi.importMentions(file, chosenFormat, { name: file.name, platform: platform || undefined, unitIds, restart }));
      onImported();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" data-testid="import-panel">
      <h2>{t('monitoring.import.title')}</h2>
      <p className="muted">{t('monitoring.import.intro', { mb: IMPORT_MAX_BYTES / 1024 / 1024 })}</p>
      <ErrorMessage error={error} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={busy} className="form-grid">
          <label className="field field-wide">
            <span>{t('monitoring.import.file')}</span>
            <input
              name="file"
              type="file"
              accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
                setProblem(null);
              }}
              {...(problem ? { 'aria-invalid': true, 'aria-describedby': 'import-problem' } : {})}
            />
            <span className="hint">{t('monitoring.import.fileHint')}</span>
            {problem ? (
              <span className="field-error" id="import-problem">
                {t(problem, { mb: IMPORT_MAX_BYTES / 1024 / 1024 })}
              </span>
            ) : null}
          </label>
          <label className="field">
            <span>{t('monitoring.import.format')}</span>
            <select name="format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | '')}>
              <option value="">{t('monitoring.import.formatAuto')}</option>
              <option value="csv">CSV</option>
              <option value="jsonl">JSON lines</option>
            </select>
          </label>
          <label className="field">
            <span>{t('monitoring.import.platform')}</span>
            <input name="platform" value={platform} placeholder="import" maxLength={32} spellCheck={false} onChange={(e) => setPlatform(e.target.value)} />
            <span className="hint">{t('monitoring.import.platformHint')}</span>
          </label>
          <fieldset className="field field-wide">
            <legend>{t('monitoring.import.units')}</legend>
            <div className="check-grid">
              {units.map((u) => (
                <label key={u.id} className="check">
                  <input type="checkbox" checked={unitIds.includes(u.id)} onChange={(e) => setUnitIds((list) => (e.target.checked ? [...new Set([...list, u.id])] : list.filter((x) => x !== u.id)))} />
                  <span>{localName(u, locale)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="check">
            <input type="checkbox" name="restart" checked={restart} onChange={(e) => setRestart(e.target.checked)} />
            <span>{t('monitoring.import.restart')}</span>
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {busy ? t('monitoring.import.uploading') : t('monitoring.import.upload')}
            </button>
          </div>
        </fieldset>
      </form>
      {report ? <ImportReportView report={report} /> : null}
    </section>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <div className="import-report" data-testid="import-report" role="status">
      <h3 dir="auto">{report.file}</h3>
      <p>
        {t('monitoring.import.summary', { rows: report.rows, accepted: report.accepted, rejected: report.rejected.length })}
        {report.resumedAfterLine > 0 ? <> {t('monitoring.import.resumed', { line: report.resumedAfterLine })}</> : null}
      </p>
      {report.rejected.length ? (
        <>
          <h4>{t('monitoring.import.rejectedTitle')}</h4>
          <ul className="import-rejects" data-testid="import-rejects">
            {report.rejected.slice(0, SHOWN_REJECTS).map((r) => (
              <li key={r.line}>
                <strong>{t('monitoring.import.line', { line: r.line })}</strong> <span dir="auto">{r.message}</span>
              </li>
            ))}
          </ul>
          {report.rejected.length > SHOWN_REJECTS ? <p className="muted small">{t('monitoring.import.moreRejects', { count: report.rejected.length - SHOWN_REJECTS })}</p> : null}
        </>
      ) : (
        <p className="muted">{t('monitoring.import.noRejects')}</p>
      )}
    </div>
  );
}
