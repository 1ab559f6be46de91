import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi, unitsApi } from '../../api/endpoints.js';
import type { Unit, User } from '../../api/types.js';
import { useCan, useSession } from '../../session/session.js';
import { ErrorMessage, Notice } from '../../ui/ErrorMessage.js';
import { OnceSecret } from '../../ui/CopyButton.js';
import { formatDateTime, localName } from '../../ui/names.js';
import { useLoad } from '../../ui/use-load.js';
import { FORCE_WIDE, UserForm, scopeOf, type UserFormValues } from './UserForm.js';

interface Secret {
  label: string;
  value: string;
}

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('users.manage');
  const users = useLoad(() => usersApi.list(), []);
  const units = useLoad(() => unitsApi.list(), []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setSecret(null);
    try {
      await action();
      users.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const create = (values: UserFormValues) =>
    run(async () => {
      const { user, initialPassword } = await usersApi.create({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        ...scopeOf(values),
        ...(values.password ? { password: values.password } : {}),
      });
      setCreating(false);
      setNotice(t('users.createdMessage', { username: user.username }));
      if (initialPassword) setSecret({ label: t('users.initialPassword', { username: user.username }), value: initialPassword });
    });

  const update = (user: User, values: UserFormValues) =>
    run(async () => {
      await usersApi.update(user.id, { displayName: values.displayName.trim(), role: values.role, ...scopeOf(values) });
      setEditing(null);
      setNotice(t('common.saved'));
    });

  const setDisabled = (user: User, disabled: boolean) => {
    if (disabled && !window.confirm(t('users.confirmDisable', { username: user.username }))) return;
    void run(async () => {
      await usersApi.update(user.id, { disabled });
      setNotice(t('common.saved'));
    });
  };

  const resetPassword = (user: User) => {
    if (!window.confirm(t('users.confirmReset', { username: user.username }))) return;
    void run(async () => {
      const { temporaryPassword } = await usersApi.resetPassword(user.id);
      setSecret({ label: t('users.temporaryPassword', { username: user.username }), value: temporaryPassword });
    });
  };

  const unlock = (user: User) =>
    void run(async () => {
      await usersApi.unlock(user.id);
      setNotice(t('common.saved'));
    });

  const unitList = units.data?.units ?? [];
  const list = users.data?.users ?? [];

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('users.title')}</h1>
          <p className="muted">{t('users.intro')}</p>
        </div>
        {manage && !creating ? (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('users.new')}
          </button>
        ) : null}
      </div>

      <ErrorMessage error={error ?? users.error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {secret ? <OnceSecret label={secret.label} value={secret.value} /> : null}

      {creating ? (
        <section className="panel">
          <h2>{t('users.new')}</h2>
          <UserForm units={unitList} busy={busy} submitLabel={t('common.create')} onSubmit={(v) => void create(v)} onCancel={() => setCreating(false)} />
        </section>
      ) : null}

      {users.loading && !users.data ? <p className="muted">{t('app.loading')}</p> : null}
      {users.data && list.length === 0 ? <p className="muted">{t('users.none')}</p> : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <p className="muted small">{t('users.count', { count: list.length })}</p>
          <table className="table" data-testid="users-table">
            <thead>
              <tr>
                <th>{t('users.username')}</th>
                <th>{t('users.displayName')}</th>
                <th>{t('users.role')}</th>
                <th>{t('users.units')}</th>
                <th>{t('users.status')}</th>
                <th>{t('users.totp')}</th>
                <th>{t('users.created')}</th>
                {manage ? <th>{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  units={unitList}
                  manage={manage}
                  busy={busy}
                  editing={editing === user.id}
                  onEdit={() => setEditing(editing === user.id ? null : user.id)}
                  onSave={(v) => void update(user, v)}
                  onDisable={(d) => setDisabled(user, d)}
                  onReset={() => resetPassword(user)}
                  onUnlock={() => unlock(user)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

interface RowProps {
  user: User;
  units: Unit[];
  manage: boolean;
  busy: boolean;
  editing: boolean;
  onEdit: () => void;
  onSave: (values: UserFormValues) => void;
  onDisable: (disabled: boolean) => void;
  onReset: () => void;
  onUnlock: () => void;
}

function UserRow({ user, units, manage, busy, editing, onEdit, onSave, onDisable, onReset, onUnlock }: RowProps) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const unitNames = user.allUnits || FORCE_WIDE.includes(user.role)
    ? t('users.allUnits')
    : user.unitIds.map((id) => {
        const unit = units.find((u) => u.id === id);
        return unit ? localName(unit, locale) : id;
      }).join(', ') || t('common.none');

  return (
    <>
      <tr data-username={user.username} className={user.disabled ? 'is-disabled' : undefined}>
        <td data-label={t('users.username')}>
          <code>{user.username}</code>
        </td>
        <td data-label={t('users.displayName')}>{user.displayName}</td>
        <td data-label={t('users.role')}>{t(`roles.${user.role}`)}</td>
        <td data-label={t('users.units')}>{unitNames}</td>
        <td data-label={t('users.status')}>
          {user.disabled ? (
            <span className="badge badge-off">{t('users.statusDisabled')}</span>
          ) : (
            <span className="badge badge-on">{t('users.statusActive')}</span>
          )}{' '}
          {user.locked ? <span className="badge badge-warn">{t('users.statusLocked')}</span> : null}
        </td>
        <td data-label={t('users.totp')}>{user.totpEnabled ? t('common.yes') : t('common.no')}</td>
        <td data-label={t('users.created')}>{formatDateTime(user.createdAt, locale)}</td>
        {manage ? (
          <td>
            <div className="row-actions">
              <button type="button" className="btn btn-small" onClick={onEdit} aria-expanded={editing}>
                {t('common.edit')}
              </button>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => onDisable(!user.disabled)}>
                {user.disabled ? t('users.enable') : t('users.disable')}
              </button>
              <button type="button" className="btn btn-small" disabled={busy} onClick={onReset}>
                {t('users.resetPassword')}
              </button>
              {user.locked ? (
                <button type="button" className="btn btn-small" disabled={busy} onClick={onUnlock}>
                  {t('users.unlock')}
                </button>
              ) : null}
            </div>
          </td>
        ) : null}
      </tr>
      {editing ? (
        <tr className="row-editor">
          <td colSpan={8}>
            <h3>{t('users.editTitle', { username: user.username })}</h3>
            <UserForm user={user} units={units} busy={busy} submitLabel={t('common.save')} onSubmit={onSave} onCancel={onEdit} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
