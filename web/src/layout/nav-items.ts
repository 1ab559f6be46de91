/** The navigation: every capability, built or still to come, and who may see the admin pages. */

export interface NavItem {
  /** Translation key of the label. */
  label: string;
  path: string;
  /** Shown only when the user holds this permission (from Me.permissions). */
  permission?: string;
}

export interface NavSection {
  /** Translation key of the heading; null for the top entries without a heading. */
  heading: string | null;
  items: NavItem[];
}

export const NAV: readonly NavSection[] = [
  { heading: null, items: [{ label: 'nav.dashboard', path: '/' }] },
  {
    heading: 'nav.publishing',
    items: [
      { label: 'nav.calendar', path: '/publishing/calendar', permission: 'publishing.calendar' },
      { label: 'nav.posts', path: '/publishing/posts', permission: 'posts.read' },
      { label: 'nav.approvals', path: '/publishing/approvals', permission: 'posts.approve' },
      { label: 'nav.templates', path: '/publishing/templates', permission: 'templates.read' },
      { label: 'nav.media', path: '/publishing/media', permission: 'media.read' },
      { label: 'nav.import', path: '/publishing/import', permission: 'publishing.import' },
      { label: 'nav.accounts', path: '/publishing/accounts', permission: 'accounts.read' },
      { label: 'nav.pause', path: '/publishing/pause', permission: 'publishing.pause' },
    ],
  },
  {
    heading: 'nav.monitoring',
    items: [
      { label: 'nav.stream', path: '/monitoring/stream', permission: 'monitoring.read' },
      { label: 'nav.watches', path: '/monitoring/watches', permission: 'watches.read' },
      { label: 'nav.sources', path: '/monitoring/sources', permission: 'sources.read' },
    ],
  },
  {
    heading: null,
    items: [
      { label: 'nav.cases', path: '/cases' },
      { label: 'nav.analytics', path: '/analytics' },
    ],
  },
  {
    heading: 'nav.administration',
    items: [
      { label: 'nav.users', path: '/users', permission: 'users.read' },
      { label: 'nav.units', path: '/units', permission: 'units.manage' },
      { label: 'nav.audit', path: '/audit', permission: 'audit.read' },
      { label: 'nav.models', path: '/models', permission: 'models.read' },
    ],
  },
  { heading: 'nav.account', items: [{ label: 'nav.security', path: '/settings/security', permission: 'self' }] },
];

/** Capabilities that have a place in the navigation but no screen yet. */
export const COMING_LATER: Readonly<Record<string, string>> = {
  '/cases': 'nav.cases',
  '/analytics': 'nav.analytics',
};

/** The sections and entries this user may see; a section left without entries disappears. */
export function visibleNav(permissions: readonly string[]): NavSection[] {
  const held = new Set(permissions);
  return NAV.map((section) => ({ ...section, items: section.items.filter((item) => !item.permission || held.has(item.permission)) })).filter(
    (section) => section.items.length > 0,
  );
}
