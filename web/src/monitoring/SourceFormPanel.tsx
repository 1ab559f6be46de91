import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { monitoringApi, type ManagedSource, type NewSourceKind, type SourceHealth } from '../api/monitoring.js';
import { useMe, useSession } from '../session/session.js';
import { OnceSecret } from '../ui/CopyButton.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';
import { localName } from '../ui/names.js';
import {
  emptySourceForm,
  formToNewSource,
  formToSourcePatch,
  isPolled,
  POLL_SECONDS_MAX,
  POLL_SECONDS_MIN,
  SOURCE_NAME_MAX,
  SOURCE_URL_MAX,
  sourceToForm,
  validateSourceForm,
  webhookUrl,
  type SourceField,
  type SourceForm,
  type SourceFormErrors,
} from './source-form.js';

const KINDS: NewSourceKind[] = ['rss', 'webhook', 'sandbox'];

/**
 * Adds a source (`source` absent) or edits one: name, address and interval. A new webhook's
 * signing secret is shown here once, with the address senders post to.
 */
export function SourceFormPanel({ source, onDone, onCancel }: { source?: SourceHealth; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const { units, locale } = useSession();
  const me = useMe();
  const [form, setForm] = useState<SourceForm>(() => (source ? sourceToForm(source) : emptySourceForm()));
  const [errors, setErrors] = useState<SourceFormErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<{ source: ManagedSource; secret: string | null } | null>(null);
  const [saved, setSaved] = useState(false);

  const set = <K extends keyof SourceForm>(key: K, value: SourceForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };
  const toggleUnit = (unitId: string, on: boolean) => set('unitIds', on ? [...new Set([...form.unitIds, unitId])] : form.unitIds.filter((u) => u !== unitId));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateSourceForm(form, { creating: !source, scoped: !me.allUnits });
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      if (source) {
        const patch = formToSourcePatch(source, form);
        if (Object.keys(patch).length) await monitoringApi.updateSource(source.id, patch);
        setSaved(true);
        onDone();
      } else {
        const answer = await monitoringApi.createSource(formToNewSource(form));
        setCreated(answer);
        setForm(emptySourceForm(form.kind));
        onDone();
      }
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (field: SourceField) =>
    errors[field] ? (
      <span className="field-error" id={`source-${field}-error`}>
        {t(errors[field])}
      </span>
    ) : null;
  const described = (field: SourceField) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `source-${field}-error` } : {});
  const kind = source ? source.kind : form.kind;

  return (
    <section className="panel" data-testid={source ? 'source-edit' : 'source-add'}>
      <div className="panel-head">
        <h2>{source ? t('monitoring.sourceForm.editTitle', { name: source.name }) : t('monitoring.sourceForm.addTitle')}</h2>
        {onCancel ? (
          <button type="button" className="btn btn-small" onClick={onCancel}>
            {t('monitoring.sourceForm.close')}
          </button>
        ) : null}
      </div>
      {created ? (
        <Notice>
          <p>{t('monitoring.sourceForm.added', { name: created.source.name })}</p>
        </Notice>
      ) : null}
      {created?.secret && created.source.webhookPath ? (
        <div data-testid="webhook-secret">
          <p>
            {t('monitoring.sourceForm.webhookAddress')} <code data-testid="webhook-url">{webhookUrl(window.location.origin, created.source.webhookPath)}</code>
          </p>
          <OnceSecret label={t('monitoring.sourceForm.webhookSecret')} value={created.secret} />
          <p className="hint">{t('monitoring.sourceForm.webhookHow')}</p>
        </div>
      ) : null}
      {saved ? <Notice>{t('monitoring.sourceForm.saved')}</Notice> : null}
      <ErrorMessage error={error} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={saving} className="form-grid">
          {source ? null : (
            <label className="field">
              <span>{t('monitoring.sourceForm.kind')}</span>
              <select name="kind" value={form.kind} onChange={(e) => set('kind', e.target.value as NewSourceKind)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`monitoring.sourceKind.${k}`)}
                  </option>
                ))}
              </select>
              <span className="hint">{t(`monitoring.sourceForm.kindHint.${form.kind}`)}</span>
            </label>
          )}
          <label className="field">
            <span>{t('monitoring.sourceForm.name')}</span>
            <input name="name" value={form.name} maxLength={SOURCE_NAME_MAX} required onChange={(e) => set('name', e.target.value)} {...described('name')} />
            {fieldError('name')}
          </label>
          {isPolled(kind) ? (
            <>
              <label className="field field-wide">
                <span>{kind === 'rss' ? t('monitoring.sourceForm.feedUrl') : t('monitoring.sourceForm.sandboxUrl')}</span>
                <input name="url" type="url" inputMode="url" value={form.url} maxLength={SOURCE_URL_MAX} required={kind === 'rss'} spellCheck={false} onChange={(e) => set('url', e.target.value)} {...described('url')} />
                <span className="hint">{kind === 'rss' ? t('monitoring.sourceForm.feedUrlHint') : t('monitoring.sourceForm.sandboxUrlHint')}</span>
                {fieldError('url')}
              </label>
              <label className="field">
                <span>{t('monitoring.sourceForm.pollSeconds')}</span>
                <input name="pollSeconds" type="number" min={POLL_SECONDS_MIN} max={POLL_SECONDS_MAX} value={form.pollSeconds} required onChange={(e) => set('pollSeconds', e.target.value)} {...described('pollSeconds')} />
                <span className="hint">{t('monitoring.sourceForm.pollHint', { min: POLL_SECONDS_MIN })}</span>
                {fieldError('pollSeconds')}
              </label>
            </>
          ) : null}
          {!source && kind === 'webhook' ? (
            <label className="field">
              <span>{t('monitoring.sourceForm.platform')}</span>
              <input name="platform" value={form.platform} maxLength={32} spellCheck={false} onChange={(e) => set('platform', e.target.value)} {...described('platform')} />
              <span className="hint">{t('monitoring.sourceForm.platformHint')}</span>
              {fieldError('platform')}
            </label>
          ) : null}
          {source ? null : (
            <fieldset className="field field-wide" {...described('unitIds')}>
              <legend>{t('monitoring.sourceForm.units')}</legend>
              <span className="hint">{me.allUnits ? t('monitoring.sourceForm.unitsHintAll') : t('monitoring.sourceForm.unitsHintScoped')}</span>
              <div className="check-grid">
                {units.map((u) => (
                  <label key={u.id} className="check">
                    <input type="checkbox" checked={form.unitIds.includes(u.id)} onChange={(e) => toggleUnit(u.id, e.target.checked)} />
                    <span>{localName(u, locale)}</span>
                  </label>
                ))}
              </div>
              {fieldError('unitIds')}
            </fieldset>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {source ? t('monitoring.sourceForm.save') : t('monitoring.sourceForm.add')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
