import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi, postsApi, templatesApi } from '../api/publishing.js';
import { useRouter } from '../router/router.js';
import { useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { localName } from '../ui/names.js';
import { useLoad } from '../ui/use-load.js';
import { issuesFromError } from './issues.js';
import { FieldIssues, PlatformName } from './shared.js';

/**
 * A new post starts as a draft for a unit and its chosen accounts, optionally from a template
 * (its placeholders filled by the server); the composer then edits it in the force's time zone.
 */
export function NewPostPage() {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { units, currentUnit, locale } = useSession();
  const [unitId, setUnitId] = useState(currentUnit ?? units[0]?.id ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [language, setLanguage] = useState<'en' | 'hi' | 'both'>('both');
  const [campaign, setCampaign] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const accounts = useLoad(() => (unitId ? accountsApi.list({ unitId, active: true }) : Promise.resolve({ accounts: [] })), [unitId]);
  const templates = useLoad(() => templatesApi.list({ active: true }), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { post } = templateId
        ? await templatesApi.createPost(templateId, { unitId, accountIds: chosen, language, campaign: campaign.trim() || null })
        : await postsApi.create({ unitId, campaign: campaign.trim() || null, variants: chosen.map((accountId) => ({ accountId, text: '' })) });
      navigate(`/publishing/posts/${post.id}/edit`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const issues = issuesFromError(error);
  const list = (accounts.data?.accounts ?? []).filter((a) => a.can.compose);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('publishing.compose.newTitle')}</h1>
          <p className="muted">{t('publishing.compose.newIntro')}</p>
        </div>
      </div>
      <section className="panel">
        <form className="form" onSubmit={(e) => void submit(e)} data-testid="new-post-form">
          <label className="field">
            <span>{t('publishing.fields.unit')}</span>
            <select
              name="unitId"
              value={unitId}
              onChange={(e) => {
                setUnitId(e.target.value);
                setChosen([]);
              }}
              required
            >
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {localName(u, locale)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="field">
            <legend>{t('publishing.compose.accounts')}</legend>
            {accounts.data && list.length === 0 ? <p className="muted">{t('publishing.compose.noAccounts')}</p> : null}
            <div className="check-grid">
              {list.map((a) => (
                <label className="check" key={a.id}>
                  <input
                    type="checkbox"
                    name="accountIds"
                    value={a.id}
                    checked={chosen.includes(a.id)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))}
                  />
                  <span>
                    <PlatformName platform={a.platform} />: {a.displayName} <span className="muted">@{a.handle}</span>
                  </span>
                </label>
              ))}
            </div>
            <FieldIssues issues={issues} field="variants" />
          </fieldset>
          <label className="field">
            <span>{t('publishing.fields.template')}</span>
            <select name="templateId" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              <option value="">{t('publishing.compose.noTemplate')}</option>
              {(templates.data?.templates ?? [])
                .filter((tp) => tp.can.use)
                .map((tp) => (
                  <option key={tp.id} value={tp.id}>
                    {locale === 'hi' ? tp.nameHi : tp.nameEn}
                  </option>
                ))}
            </select>
          </label>
          {templateId ? (
            <label className="field">
              <span>{t('publishing.compose.language')}</span>
              <select name="language" value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'hi' | 'both')}>
                <option value="both">{t('publishing.compose.languageBoth')}</option>
                <option value="hi">{t('language.hi')}</option>
                <option value="en">{t('language.en')}</option>
              </select>
            </label>
          ) : null}
          <label className="field">
            <span>
              {t('publishing.fields.campaign')} <span className="muted small">({t('common.optional')})</span>
            </span>
            <input name="campaign" value={campaign} maxLength={80} onChange={(e) => setCampaign(e.target.value)} />
            <FieldIssues issues={issues} field="campaign" />
          </label>
          <ErrorMessage error={error} />
          <button type="submit" className="btn btn-primary" disabled={busy || !unitId || chosen.length === 0}>
            {t('publishing.compose.startDraft')}
          </button>
        </form>
      </section>
    </div>
  );
}
