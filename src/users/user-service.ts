import type { Database, Queryable } from '../db/database.js';
import type { AuditLog } from '../audit/audit-log.js';
import { unitFilter, type Actor, type SystemActor } from '../auth/actor.js';
import { assertPasswordPolicy, generatePassword, hashPassword } from '../auth/password.js';
import { isForceWide, type Role } from '../auth/roles.js';
import { deleteUserSessions } from '../auth/session-store.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import {
  countUsers,
  existingUnitIds,
  findUser,
  findUserByUsername,
  insertUser,
  listUsers,
  lockAdminSet,
  lockUser,
  otherActiveAdmins,
  replaceUserUnits,
  setPassword,
  unlockUser,
  updateUserRow,
  type UserRow,
} from './user-repository.js';
import { checkDisplayName, checkScope, checkUsername, nextScope, type UnitScope } from './user-rules.js';

/** Who asks: a signed-in administrator, or the system itself (CLI, first start). */
export type By = Actor | SystemActor;

/** A user as the API shows it. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  allUnits: boolean;
  unitIds: string[];
  disabled: boolean;
  locked: boolean;
  totpEnabled: boolean;
  createdAt: string;
}

export interface CreateUserInput {
  username: string;
  displayName?: string | undefined;
  role: Role;
  unitIds?: string[] | undefined;
  allUnits?: boolean | undefined;
  /** Generated (and returned once) when absent. */
  password?: string | undefined;
  /** Ask for a new password at first sign-in (default true: whoever set it knows it). */
  mustChangePassword?: boolean | undefined;
}

export interface UpdateUserInput {
  displayName?: string | undefined;
  role?: Role | undefined;
  unitIds?: string[] | undefined;
  allUnits?: boolean | undefined;
  disabled?: boolean | undefined;
}

function isSystem(by: By): by is SystemActor {
  return 'system' in by && by.system;
}

function scopeOf(by: By): readonly string[] | null {
  return isSystem(by) ? null : unitFilter(by);
}

/**
 * Accounts as administrators manage them: who exists, their role and units (what they may see),
 * whether they may sign in. Every change and every view of one user is audited.
 */
export class UserService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(by: By): Promise<UserView[]> {
    const rows = await listUsers(this.db, scopeOf(by));
    const now = this.clock();
    return rows.map((r) => toView(r, now));
  }

  /** One user; recorded as a view of personal data. */
  async get(by: By, id: string): Promise<UserView> {
    return this.db.transaction(async (tx) => {
      const row = await findUser(tx, scopeOf(by), id);
      if (!row) throw notFound('user');
      await this.audit.record(tx, { actor: by, action: 'user.viewed', targetType: 'user', targetId: row.id, details: { username: row.username } });
      return toView(row, this.clock());
    });
  }

  async findByUsername(by: By, username: string): Promise<UserView | null> {
    const row = await findUserByUsername(this.db, scopeOf(by), username);
    return row ? toView(row, this.clock()) : null;
  }

  async count(): Promise<number> {
    return countUsers(this.db);
  }

  async create(by: By, input: CreateUserInput): Promise<{ user: UserView; initialPassword?: string }> {
    const username = checkUsername(input.username);
    const displayName = checkDisplayName(input.displayName ?? username);
    const scope = checkScope(input.role, { allUnits: input.allUnits ?? false, unitIds: input.unitIds ?? [] });
    this.assertMayGrant(by, input.role, scope);
    if (input.password !== undefined) assertPasswordPolicy(input.password, username);
    const password = input.password ?? generatePassword();
    const passwordHash = await hashPassword(password);
    const now = this.clock();
    const user = await this.db.transaction(async (tx) => {
      await this.assertUnitsExist(tx, scope.unitIds);
      const id = await insertUser(tx, { username, displayName, role: input.role, allUnits: scope.allUnits, passwordHash, mustChangePassword: input.mustChangePassword ?? true, now });
      if (!id) throw new AppError('conflict', `the username ${username} is taken`, { field: 'username' });
      await replaceUserUnits(tx, id, scope.unitIds);
      await this.audit.record(tx, {
        actor: by,
        action: 'user.created',
        targetType: 'user',
        targetId: id,
        details: { username, role: input.role, allUnits: scope.allUnits, unitIds: scope.unitIds, passwordGenerated: input.password === undefined },
      });
      return this.mustFind(tx, id);
    });
    return input.password === undefined ? { user, initialPassword: password } : { user };
  }

  /** Changes name, role, units or the disabled flag; the last active admin can be neither demoted nor disabled. */
  async update(by: By, id: string, patch: UpdateUserInput): Promise<UserView> {
    return this.db.transaction(async (tx) => {
      await lockUser(tx, id);
      const current = await findUser(tx, scopeOf(by), id);
      if (!current) throw notFound('user');
      const role = patch.role ?? current.role;
      const scope = checkScope(role, nextScope(current, role, patch));
      this.assertMayGrant(by, role, scope);
      const displayName = patch.displayName === undefined ? current.displayName : checkDisplayName(patch.displayName);
      const disabled = patch.disabled ?? current.disabled;
      const wasActiveAdmin = current.role === 'admin' && !current.disabled;
      const staysActiveAdmin = role === 'admin' && !disabled;
      if (wasActiveAdmin && !staysActiveAdmin) {
        await lockAdminSet(tx);
        if ((await otherActiveAdmins(tx, id)) === 0) {
          throw new AppError('conflict', 'this is the last active admin: make another user admin first', { field: disabled ? 'disabled' : 'role' });
        }
      }
      await this.assertUnitsExist(tx, scope.unitIds.filter((u) => !current.unitIds.includes(u)));
      await updateUserRow(tx, id, { displayName, role, allUnits: scope.allUnits, disabled }, this.clock());
      if (!sameList(scope.unitIds, current.unitIds)) await replaceUserUnits(tx, id, scope.unitIds);
      const sessionsEnded = disabled && !current.disabled ? await deleteUserSessions(tx, id) : 0;
      const before = { displayName: current.displayName, role: current.role, allUnits: current.allUnits, unitIds: current.unitIds, disabled: current.disabled };
      const after = { displayName, role, allUnits: scope.allUnits, unitIds: scope.unitIds, disabled };
      await this.audit.record(tx, {
        actor: by,
        action: 'user.updated',
        targetType: 'user',
        targetId: id,
        details: { username: current.username, before, after, permissionsChanged: role !== current.role || scope.allUnits !== current.allUnits || !sameList(scope.unitIds, current.unitIds), sessionsEnded },
      });
      return this.mustFind(tx, id);
    });
  }

  /** A temporary password the user must change at next sign-in; their sessions end and any lock lifts. */
  async resetPassword(by: By, id: string): Promise<{ temporaryPassword: string }> {
    const temporaryPassword = generatePassword();
    await this.replacePassword(by, id, temporaryPassword, true, 'user.password_reset');
    return { temporaryPassword };
  }

  /** Sets a chosen password (the operator's CLI); it passes the policy and ends the user's sessions. */
  async setPassword(by: By, id: string, password: string): Promise<void> {
    await this.replacePassword(by, id, password, false, 'user.password_set');
  }

  async unlock(by: By, id: string): Promise<UserView> {
    return this.db.transaction(async (tx) => {
      const current = await findUser(tx, scopeOf(by), id);
      if (!current) throw notFound('user');
      await unlockUser(tx, id, this.clock());
      await this.audit.record(tx, {
        actor: by,
        action: 'user.unlocked',
        targetType: 'user',
        targetId: id,
        details: { username: current.username, wasLocked: isLocked(current, this.clock()) },
      });
      return this.mustFind(tx, id);
    });
  }

  private async replacePassword(by: By, id: string, password: string, mustChange: boolean, action: string): Promise<void> {
    const target = await findUser(this.db, scopeOf(by), id);
    if (!target) throw notFound('user');
    assertPasswordPolicy(password, target.username);
    const hash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      await setPassword(tx, id, hash, mustChange, this.clock());
      const sessionsEnded = await deleteUserSessions(tx, id);
      await this.audit.record(tx, { actor: by, action, targetType: 'user', targetId: id, details: { username: target.username, mustChangePassword: mustChange, sessionsEnded } });
    });
  }

  /** A scoped administrator (should one exist) may only hand out scoped access within their own units. */
  private assertMayGrant(by: By, role: Role, scope: UnitScope): void {
    const mine = scopeOf(by);
    if (mine === null) return;
    if (isForceWide(role) || scope.allUnits || scope.unitIds.some((u) => !mine.includes(u))) {
      throw forbidden('you may only grant access to your own units');
    }
  }

  private async assertUnitsExist(q: Queryable, unitIds: readonly string[]): Promise<void> {
    if (unitIds.length === 0) return;
    const found = new Set(await existingUnitIds(q, unitIds));
    const missing = unitIds.filter((u) => !found.has(u));
    if (missing.length) throw new AppError('validation_failed', `unknown unit ${missing.join(', ')}`, { field: 'unitIds', missing });
  }

  private async mustFind(q: Queryable, id: string): Promise<UserView> {
    const row = await findUser(q, null, id);
    if (!row) throw notFound('user');
    return toView(row, this.clock());
  }
}

function isLocked(row: UserRow, now: Date): boolean {
  return row.lockedUntil !== null && new Date(row.lockedUntil).getTime() > now.getTime();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((v, i) => v === sortedB[i]);
}

function toView(r: UserRow, now: Date): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    allUnits: r.allUnits,
    unitIds: r.unitIds,
    disabled: r.disabled,
    locked: isLocked(r, now),
    totpEnabled: r.totpEnabled,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
