import { api } from './client.js';
import type { ApiToken, AuditPage, AuditVerifyResult, Locale, LoginResult, Me, Role, Station, Unit, UnitKind, User } from './types.js';

/** One function per API action the SPA uses; pages call these, never fetch directly. */

const id = (value: string) => encodeURIComponent(value);

export const authApi = {
  me: () => api.get<Me>('/auth/me'),
  login: (username: string, password: string) => api.post<LoginResult>('/auth/login', { username, password }),
  verifyTotp: (code: string) => api.post<{ user: Me }>('/auth/totp/verify', { code }),
  logout: () => api.post<void>('/auth/logout'),
  updateMe: (patch: { locale?: Locale; displayName?: string }) => api.patch<Me>('/auth/me', patch),
  changePassword: (currentPassword: string, newPassword: string) => api.post<void>('/auth/password', { currentPassword, newPassword }),
  totpSetup: () => api.post<{ secret: string; otpauthUrl: string }>('/auth/totp/setup'),
  totpEnable: (code: string) => api.post<void>('/auth/totp/enable', { code }),
  totpDisable: (password: string) => api.post<void>('/auth/totp/disable', { password }),
  tokens: () => api.get<{ tokens: ApiToken[] }>('/auth/tokens'),
  createToken: (body: { name: string; scopes: string[]; expiresInDays?: number }) =>
    api.post<{ token: string; apiToken: ApiToken }>('/auth/tokens', body),
  revokeToken: (tokenId: string) => api.delete<void>(`/auth/tokens/${id(tokenId)}`),
};

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitIds?: string[];
  allUnits?: boolean;
  password?: string;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  unitIds?: string[];
  allUnits?: boolean;
  disabled?: boolean;
}

export const usersApi = {
  list: () => api.get<{ users: User[] }>('/users'),
  get: (userId: string) => api.get<{ user: User }>(`/users/${id(userId)}`),
  create: (body: NewUser) => api.post<{ user: User; initialPassword?: string }>('/users', body),
  update: (userId: string, patch: UserPatch) => api.patch<{ user: User }>(`/users/${id(userId)}`, patch),
  resetPassword: (userId: string) => api.post<{ temporaryPassword: string }>(`/users/${id(userId)}/reset-password`),
  unlock: (userId: string) => api.post<{ user: User }>(`/users/${id(userId)}/unlock`),
};

export interface NewUnit {
  id: string;
  kind: UnitKind;
  nameEn: string;
  nameHi: string;
  parentId?: string;
}

export interface NewStation {
  id: string;
  nameEn: string;
  nameHi: string;
  aliases?: string[];
}

export const unitsApi = {
  list: () => api.get<{ units: Unit[] }>('/units'),
  get: (unitId: string) => api.get<{ unit: Unit; stations: Station[] }>(`/units/${id(unitId)}`),
  create: (body: NewUnit) => api.post<{ unit: Unit }>('/units', body),
  update: (unitId: string, patch: { nameEn?: string; nameHi?: string; kind?: UnitKind; active?: boolean }) =>
    api.patch<{ unit: Unit }>(`/units/${id(unitId)}`, patch),
  addStation: (unitId: string, body: NewStation) => api.post<{ station: Station }>(`/units/${id(unitId)}/stations`, body),
  updateStation: (stationId: string, patch: { nameEn?: string; nameHi?: string; aliases?: string[]; active?: boolean }) =>
    api.patch<{ station: Station }>(`/stations/${id(stationId)}`, patch),
};

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  before?: number;
  limit?: number;
}

export const auditApi = {
  list: (filter: AuditFilter) => api.get<AuditPage>('/audit', { ...filter }),
  verify: () => api.get<AuditVerifyResult>('/audit/verify'),
};
