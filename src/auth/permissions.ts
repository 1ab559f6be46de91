import type { Role } from './roles.js';

/**
 * Every permission a route can require, and the roles that hold it. This table is the one place
 * where a role's rights are written; routes name a permission and never a role.
 * Later capabilities add their permissions here.
 */
export const PERMISSIONS = {
  /** Read and change one's own account (profile, password, TOTP, API tokens). */
  'self': ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'],
  /** See the units and stations the actor is scoped to. */
  'units.read': ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'],
  'units.manage': ['admin'],
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['admin', 'sb_supervisor'],
  'settings.manage': ['admin'],
  /** See the social accounts of the actor's units (never their credentials). */
  'accounts.read': ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'],
  /** Connect, change and deactivate social accounts, and set their approval chains. */
  'accounts.manage': ['admin'],
  /** See posts, their variants and approval history in the actor's units. */
  'posts.read': ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'],
  /** Draft, edit, submit and cancel posts in the actor's units. */
  'posts.write': ['admin', 'sb_supervisor', 'district_officer', 'agency_editor'],
  /** Decide an approval step (the step's role is checked per post) and see the approvals inbox. */
  'posts.approve': ['admin', 'sb_supervisor', 'leadership', 'district_officer'],
  /** Browse and search the media library. */
  'media.read': ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'],
  /** Upload media and edit its alt text. */
  'media.write': ['admin', 'sb_supervisor', 'district_officer', 'agency_editor'],
  /** See the awareness templates. */
  'templates.read': ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'],
  /** Write and retire awareness templates. */
  'templates.manage': ['admin', 'sb_supervisor'],
  /** Publishing delivery: see the calendar, publications, their errors and metrics. */
  'publishing.calendar': ['admin', 'sb_supervisor', 'leadership', 'district_officer', 'agency_editor'],
  /** Reschedule, retry, cancel, publish now and verify publications of approved posts. */
  'publishing.deliver': ['admin', 'sb_supervisor', 'district_officer', 'agency_editor'],
  /** Import scheduled posts from CSV (they enter the approval chain). */
  'publishing.import': ['admin', 'sb_supervisor', 'district_officer', 'agency_editor'],
  /** Start and end a crisis pause of publishing. */
  'publishing.pause': ['admin', 'sb_supervisor'],
  /** See the active pauses (the banner every user sees). */
  'publishing.pause.read': ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'],
  /** Monitoring: the mention stream, search and mention detail of the actor's units (personal data: views are audited). */
  'monitoring.read': ['sb_supervisor', 'analyst', 'district_officer'],
  /** Monitoring: counts by watch, language, platform and unit, without any mention or author. */
  'monitoring.aggregates': ['sb_supervisor', 'leadership', 'analyst', 'district_officer'],
  /** See the watches that concern the actor's units: query, owner, purpose, legal basis, expiry. */
  'watches.read': ['sb_supervisor', 'analyst', 'district_officer'],
  /** Create, change, pause and end watches, and test a query over the last 7 days. */
  'watches.manage': ['sb_supervisor', 'analyst'],
  /** See monitoring sources and their health (no mention content). */
  'sources.read': ['admin', 'sb_supervisor', 'analyst'],
  /** Add monitoring sources (feeds, webhooks, the Sandbox feed), change them, switch them on and off. */
  'sources.manage': ['admin', 'sb_supervisor'],
  /** Confirm or correct a mention's labels in the actor's units (kept with who and when; training reads them). */
  'mentions.label': ['sb_supervisor', 'analyst'],
  /** Import a CSV or JSON-lines file of mentions (it becomes an import source). */
  'mentions.import': ['admin', 'sb_supervisor'],
  /** See and set a unit's monitoring privacy (pseudonymising authors). */
  'monitoring.privacy': ['admin', 'sb_supervisor'],
  /** See the registered text models and their evaluation figures. */
  'models.read': ['admin', 'sb_supervisor', 'analyst'],
  /** Activate a text model for every process. */
  'models.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
