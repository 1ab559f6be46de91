import type { Platform } from '../../platforms/types.js';
import type { Role } from '../../auth/roles.js';

/** A social account as the API shows it: never with its credentials. */
export interface SocialAccount {
  id: string;
  unitId: string;
  platform: Platform;
  handle: string;
  displayName: string;
  approvalChain: Role[];
  active: boolean;
  /** Whether credentials are stored (without them the account cannot publish). */
  hasCredentials: boolean;
  /** Whether Chhavi can publish to this platform yet. */
  publishable: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AccountAbilities {
  /** Rename, change the chain or credentials, deactivate. */
  edit: boolean;
  /** Choose the account in the composer. */
  compose: boolean;
}

export interface NewAccount {
  unitId: string;
  platform: Platform;
  handle: string;
  displayName: string;
  approvalChain?: Role[] | undefined;
  /** Platform credentials; for the Sandbox, omit them to open a new Sandbox account. */
  credentials?: { token: string; extra?: Record<string, string> | undefined } | undefined;
}

export interface AccountPatch {
  displayName?: string | undefined;
  approvalChain?: Role[] | undefined;
  active?: boolean | undefined;
  credentials?: { token: string; extra?: Record<string, string> | undefined } | undefined;
}
