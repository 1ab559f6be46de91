import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi, PLATFORMS, type Platform, type SocialAccount } from '../api/publishing.js';
import type { Role } from '../api/types.js';
import { useCan, useSession } from '../session/session.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';
import { localName } from '../ui/names.js';
import { useLoad } from '../ui/use-load.js';
import { ChainEditor } from './ChainEditor.js';
import { issuesFromError } from './issues.js';
import { FieldIssues, PlatformName, useUnitName } from './shared.js';

const DEFAULT_CHAIN: Role[] = ['district_officer', 'sb_supervisor'];

/** Social accounts per unit and platform; admins add Sandbox accounts, edit approval chains and (de)activate. */
export function AccountsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('accounts.manage');
  const { currentUnit, units, locale } = useSession();
  const unitName = useUnitName();
  const [platform, setPlatform] = useState<Platform | ''>('');
  const accounts = useLoad(() => accountsApi.list({ unitId: currentUnit ?? undefined, platform: platform || undefined }), [currentUnit, platform]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      accounts.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const list = accounts.data?.accounts ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('publishing.accounts.title')}</h1>
          <p className="muted">{t('publishing.accounts.intro')}</p>
        </div>
        {manage && !creating ? (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('publishing.accounts.new')}
          </button>
        ) : null}
      </div>
      <div className="filters">
        <label className="field">
          <span>{t('publishing.fields.platform')}</span>
          <select value={platform} onChange={(e) => setPlatform(e.target.value as Platform | '')}>
            <option value="">{t('publishing.common.all')}</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {t(`publishing.platforms.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={error ?? accounts.error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {creating ? (
        <section className="panel">
          <h2>{t('publishing.accounts.new')}</h2>
          <NewAccountForm
            busy={busy}
            defaultUnit={currentUnit ?? units[0]?.id ?? ''}
            unitOptions={units.map((u) => ({ id: u.id, name: localName(u, locale) }))}
            error={error}
            onCancel={() => setCreating(false)}
            onSubmit={(body) =>
              void run(async () => {
                await accountsApi.create(body);
                setCreating(false);
                setNotice(t('common.saved'));
              })
            }
          />
        </section>
      ) : null}
      {accounts.loading && !accounts.data ? <p className="muted">{t('app.loading')}</p> : null}
      {accounts.data && list.length === 0 ? <p className="muted">{t('publishing.accounts.none')}</p> : null}
      {list.length ? (
        <div className="table-wrap">
          <table className="table" data-testid="accounts-table">
            <thead>
              <tr>
                <th>{t('publishing.fields.unit')}</th>
                <th>{t('publishing.fields.platform')}</th>
                <th>{t('publishing.fields.account')}</th>
                <th>{t('publishing.accounts.chain')}</th>
                <th>{t('publishing.accounts.state')}</th>
                {manage ? <th>{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <AccountRow
                  key={a.id}
                  account={a}
                  unit={unitName(a.unitId)}
                  manage={manage && a.can.edit}
                  busy={busy}
                  editing={editing === a.id}
                  onEdit={() => setEditing(editing === a.id ? null : a.id)}
                  onSave={(chain, displayName) =>
                    void run(async () => {
                      await accountsApi.update(a.id, { approvalChain: chain, displayName });
                      setEditing(null);
                      setNotice(t('common.saved'));
                    })
                  }
                  onActive={(active) =>
                    void run(async () => {
                      if (!active && !window.confirm(t('publishing.accounts.confirmDeactivate', { handle: a.handle }))) return;
                      await accountsApi.update(a.id, { active });
                      setNotice(t('common.saved'));
                    })
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function AccountRow(props: {
  account: SocialAccount;
  unit: string;
  manage: boolean;
  busy: boolean;
  editing: boolean;
  onEdit: () => void;
  onSave: (chain: Role[], displayName: string) => void;
  onActive: (active: boolean) => void;
}) {
  const { t } = useTranslation();
  const a = props.account;
  const [chain, setChain] = useState<Role[]>(a.approvalChain);
  const [displayName, setDisplayName] = useState(a.displayName);
  return (
    <>
      <tr className={a.active ? undefined : 'is-disabled'} data-handle={a.handle}>
        <td data-label={t('publishing.fields.unit')}>{props.unit}</td>
        <td data-label={t('publishing.fields.platform')}>
          <PlatformName platform={a.platform} />
        </td>
        <td data-label={t('publishing.fields.account')}>
          {a.displayName} <span className="muted">@{a.handle}</span>
          {!a.publishable ? <span className="badge badge-warn">{t('publishing.accounts.notPublishable')}</span> : null}
        </td>
        <td data-label={t('publishing.accounts.chain')}>{a.approvalChain.map((r) => t(`roles.${r}`)).join(' → ')}</td>
        <td data-label={t('publishing.accounts.state')}>
          <span className={a.active ? 'badge badge-on' : 'badge badge-off'}>{a.active ? t('common.active') : t('common.inactive')}</span>
        </td>
        {props.manage ? (
          <td>
            <div className="row-actions">
              <button type="button" className="btn btn-small" onClick={props.onEdit}>
                {t('common.edit')}
              </button>
              <button type="button" className="btn btn-small" disabled={props.busy} onClick={() => props.onActive(!a.active)}>
                {a.active ? t('publishing.accounts.deactivate') : t('publishing.accounts.activate')}
              </button>
            </div>
          </td>
        ) : null}
      </tr>
      {props.editing ? (
        <tr className="row-editor">
          <td colSpan={6}>
            <div className="form">
              <label className="field">
                <span>{t('publishing.accounts.displayName')}</span>
                <input value={displayName} maxLength={200} onChange={(e) => setDisplayName(e.target.value)} />
              </label>
              <div className="field">
                <span>{t('publishing.accounts.chain')}</span>
                <ChainEditor value={chain} onChange={setChain} />
              </div>
              <div className="form-actions">
                <button type="button" className="btn btn-primary" disabled={props.busy || !displayName.trim()} onClick={() => props.onSave(chain, displayName.trim())}>
                  {t('common.save')}
                </button>
                <button type="button" className="btn" onClick={props.onEdit}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function NewAccountForm(props: {
  busy: boolean;
  defaultUnit: string;
  unitOptions: { id: string; name: string }[];
  error: unknown;
  onCancel: () => void;
  onSubmit: (body: { unitId: string; platform: Platform; handle: string; displayName: string; approvalChain: Role[] }) => void;
}) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState(props.defaultUnit);
  const [handle, setHandle] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [chain, setChain] = useState<Role[]>(DEFAULT_CHAIN);
  const issues = issuesFromError(props.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit({ unitId, platform: 'sandbox', handle: handle.trim(), displayName: displayName.trim(), approvalChain: chain });
  };
  return (
    <form className="form" onSubmit={submit} data-testid="new-account-form">
      <p className="hint">{t('publishing.accounts.sandboxOnly')}</p>
      <label className="field">
        <span>{t('publishing.fields.unit')}</span>
        <select name="unitId" value={unitId} onChange={(e) => setUnitId(e.target.value)} required>
          {props.unitOptions.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <FieldIssues issues={issues} field="unitId" />
      </label>
      <label className="field">
        <span>{t('publishing.accounts.handle')}</span>
        <input name="handle" value={handle} maxLength={100} required onChange={(e) => setHandle(e.target.value)} />
        <FieldIssues issues={issues} field="handle" />
      </label>
      <label className="field">
        <span>{t('publishing.accounts.displayName')}</span>
        <input name="displayName" value={displayName} maxLength={200} required onChange={(e) => setDisplayName(e.target.value)} />
        <FieldIssues issues={issues} field="displayName" />
      </label>
      <div className="field">
        <span>{t('publishing.accounts.chain')}</span>
        <ChainEditor value={chain} onChange={setChain} />
        <FieldIssues issues={issues} field="approvalChain" />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={props.busy || !unitId}>
          {t('common.create')}
        </button>
        <button type="button" className="btn" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
