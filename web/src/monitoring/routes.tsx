import type { ReactNode } from 'react';
import { MentionPage } from './MentionPage.js';
import { SourcesPage } from './SourcesPage.js';
import { StreamPage } from './StreamPage.js';
import { WatchEditorPage } from './WatchEditorPage.js';
import { WatchesPage } from './WatchesPage.js';

/**
 * The monitoring screens and the permission that guards each (the server checks again on every
 * call). agency_editor holds none of these permissions and never sees monitoring.
 */
export const MONITORING_ROUTES: { pattern: string; permission: string; render: (params: Record<string, string>) => ReactNode }[] = [
  { pattern: '/monitoring/stream', permission: 'monitoring.read', render: () => <StreamPage /> },
  { pattern: '/monitoring/mentions/:id', permission: 'monitoring.read', render: (p) => <MentionPage mentionId={p.id!} /> },
  { pattern: '/monitoring/watches', permission: 'watches.read', render: () => <WatchesPage /> },
  { pattern: '/monitoring/watches/new', permission: 'watches.manage', render: () => <WatchEditorPage /> },
  { pattern: '/monitoring/watches/:id', permission: 'watches.read', render: (p) => <WatchEditorPage watchId={p.id} /> },
  { pattern: '/monitoring/sources', permission: 'sources.read', render: () => <SourcesPage /> },
];
