/** The shapes the HTTP API under /api/v1 returns; kept in step with the server's response schemas. */

export type Role = 'admin' | 'sb_supervisor' | 'leadership' | 'analyst' | 'district_officer' | 'agency_editor';
export const ROLES: readonly Role[] = ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'];

export type Locale = 'en' | 'hi';

export interface UnitRef {
  id: string;
  nameEn: string;
  nameHi: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  allUnits: boolean;
  units: UnitRef[];
  locale: Locale;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  csrfToken: string;
  permissions: string[];
}

export interface LoginResult {
  user: Me;
  secondFactorRequired: boolean;
}

export interface User {
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

export type UnitKind = 'district' | 'special' | 'range' | 'other';
export const UNIT_KINDS: readonly UnitKind[] = ['district', 'special', 'range', 'other'];

export interface Unit {
  id: string;
  kind: UnitKind;
  nameEn: string;
  nameHi: string;
  parentId: string | null;
  active: boolean;
  stationCount: number;
}

export interface Station {
  id: string;
  unitId: string;
  nameEn: string;
  nameHi: string;
  aliases: string[];
  active: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  unitId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  count: number;
  brokenAt?: number;
  reason?: string;
}
