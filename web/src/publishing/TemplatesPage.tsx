import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_CATEGORIES, templatesApi, type Template, type TemplateCategory, type TemplateFields } from '../api/publishing.js';
import { useCan, useSession } from '../session/session.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';
import { issuesFromError } from './issues.js';
import { FieldIssues } from './shared.js';
import { parseHashtags } from './text-count.js';

/** Bilingual awareness templates with placeholders: search, write, change and retire. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { locale } = useSession();
  const manage = can('templates.manage');
  const [category, setCategory] = useState<TemplateCategory | ''>('');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const templates = useLoad(() => templatesApi.list({ category: category || undefined, q: query || undefined }), [category, query]);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (fields: TemplateFields, existing: Template | null) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      if (existing) await templatesApi.update(existing.id, fields);
      else await templatesApi.create(fields);
      setEditing(null);
      setNotice(t('common.saved'));
      templates.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const list = templates.data?.templates ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('publishing.templates.title')}</h1>
          <p className="muted">{t('publishing.templates.intro')}</p>
        </div>
        {manage && editing !== 'new' ? (
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('publishing.templates.new')}
          </button>
        ) : null}
      </div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim());
        }}
      >
        <label className="field">
          <span>{t('publishing.templates.category')}</span>
          <select value={category} onChange={(e) => setCategory(e.target.value as TemplateCategory | '')}>
            <option value="">{t('publishing.common.all')}</option>
            {TEMPLATE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`publishing.categories.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('common.search')}</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="btn">
            {t('common.search')}
          </button>
        </div>
      </form>
      <ErrorMessage error={editing ? null : (error ?? templates.error)} />
      {notice ? <Notice>{notice}</Notice> : null}
      {editing === 'new' ? (
        <section className="panel">
          <h2>{t('publishing.templates.new')}</h2>
          <TemplateForm busy={busy} error={error} onCancel={() => setEditing(null)} onSubmit={(f) => void save(f, null)} />
        </section>
      ) : null}
      {templates.data && list.length === 0 ? <p className="muted">{t('publishing.templates.none')}</p> : null}
      {list.map((tp) => (
        <article className="panel" key={tp.id} data-template={tp.id}>
          <div className="panel-head">
            <h2>
              {locale === 'hi' ? tp.nameHi : tp.nameEn} <span className="badge badge-off">{t(`publishing.categories.${tp.category}`, { defaultValue: tp.category })}</span>{' '}
              {!tp.active ? <span className="badge badge-warn">{t('common.inactive')}</span> : null}
            </h2>
            {tp.can.edit ? (
              <button type="button" className="btn btn-small" onClick={() => setEditing(editing === tp.id ? null : tp.id)}>
                {t('common.edit')}
              </button>
            ) : null}
          </div>
          {editing === tp.id ? (
            <TemplateForm initial={tp} busy={busy} error={error} onCancel={() => setEditing(null)} onSubmit={(f) => void save(f, tp)} />
          ) : (
            <>
              <p className="preview-text" lang="hi">
                {tp.textHi}
              </p>
              <p className="preview-text" lang="en">
                {tp.textEn}
              </p>
              <p className="muted small">
                {tp.hashtags.map((h) => `#${h}`).join(' ')} · {t('publishing.templates.placeholders')}: {tp.placeholders.map((p) => `{${p}}`).join(', ') || '—'} ·{' '}
                {t('publishing.templates.postCount', { count: tp.postCount })}
              </p>
            </>
          )}
        </article>
      ))}
    </div>
  );
}

function TemplateForm({ initial, busy, error, onSubmit, onCancel }: { initial?: Template; busy: boolean; error: unknown; onSubmit: (f: TemplateFields) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [nameEn, setNameEn] = useState(initial?.nameEn ?? '');
  const [nameHi, setNameHi] = useState(initial?.nameHi ?? '');
  const [category, setCategory] = useState<TemplateCategory>((initial?.category as TemplateCategory | undefined) ?? 'general');
  const [textEn, setTextEn] = useState(initial?.textEn ?? '');
  const [textHi, setTextHi] = useState(initial?.textHi ?? '');
  const [hashtags, setHashtags] = useState(initial?.hashtags.join(' ') ?? '');
  const [active, setActive] = useState(initial?.active ?? true);
  const issues = issuesFromError(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ nameEn: nameEn.trim(), nameHi: nameHi.trim(), category, textEn, textHi, hashtags: parseHashtags(hashtags), active });
  };
  return (
    <form className="form form-grid" onSubmit={submit} data-testid="template-form">
      <label className="field">
        <span>{t('publishing.templates.nameEn')}</span>
        <input name="nameEn" value={nameEn} required maxLength={120} onChange={(e) => setNameEn(e.target.value)} />
        <FieldIssues issues={issues} field="nameEn" />
      </label>
      <label className="field">
        <span>{t('publishing.templates.nameHi')}</span>
        <input name="nameHi" lang="hi" value={nameHi} required maxLength={120} onChange={(e) => setNameHi(e.target.value)} />
        <FieldIssues issues={issues} field="nameHi" />
      </label>
      <label className="field">
        <span>{t('publishing.templates.category')}</span>
        <select name="category" value={category} onChange={(e) => setCategory(e.target.value as TemplateCategory)}>
          {TEMPLATE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`publishing.categories.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-wide">
        <span>{t('publishing.templates.textHi')}</span>
        <textarea name="textHi" lang="hi" value={textHi} maxLength={5000} onChange={(e) => setTextHi(e.target.value)} />
        <FieldIssues issues={issues} field="textHi" />
      </label>
      <label className="field field-wide">
        <span>{t('publishing.templates.textEn')}</span>
        <textarea name="textEn" value={textEn} maxLength={5000} onChange={(e) => setTextEn(e.target.value)} />
        <FieldIssues issues={issues} field="textEn" />
      </label>
      <p className="hint field-wide">{t('publishing.templates.placeholderHint')}</p>
      <label className="field">
        <span>{t('publishing.compose.hashtags')}</span>
        <input name="hashtags" value={hashtags} onChange={(e) => setHashtags(e.target.value)} />
        <FieldIssues issues={issues} field="hashtags" />
      </label>
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        <span>{t('common.active')}</span>
      </label>
      <div className="field-wide">
        <ErrorMessage error={error} />
      </div>
      <div className="form-actions field-wide">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
