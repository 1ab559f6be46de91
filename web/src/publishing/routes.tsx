import type { ReactNode } from 'react';
import { AccountsPage } from './AccountsPage.js';
import { ApprovalsPage } from './ApprovalsPage.js';
import { CalendarPage } from './CalendarPage.js';
import { ComposerPage } from './ComposerPage.js';
import { ImportPage } from './ImportPage.js';
import { MediaPage } from './MediaPage.js';
import { NewPostPage } from './NewPostPage.js';
import { PausePage } from './PausePage.js';
import { PostPage } from './PostPage.js';
import { PostsPage } from './PostsPage.js';
import { TemplatesPage } from './TemplatesPage.js';

/** The publishing screens and the permission that guards each (the server checks again on every call). */
export const PUBLISHING_ROUTES: { pattern: string; permission: string; render: (params: Record<string, string>) => ReactNode }[] = [
  { pattern: '/publishing/calendar', permission: 'publishing.calendar', render: () => <CalendarPage /> },
  { pattern: '/publishing/approvals', permission: 'posts.approve', render: () => <ApprovalsPage /> },
  { pattern: '/publishing/posts', permission: 'posts.read', render: () => <PostsPage /> },
  { pattern: '/publishing/compose', permission: 'posts.write', render: () => <NewPostPage /> },
  { pattern: '/publishing/posts/:id', permission: 'posts.read', render: (p) => <PostPage postId={p.id!} /> },
  { pattern: '/publishing/posts/:id/edit', permission: 'posts.write', render: (p) => <ComposerPage postId={p.id!} /> },
  { pattern: '/publishing/accounts', permission: 'accounts.read', render: () => <AccountsPage /> },
  { pattern: '/publishing/templates', permission: 'templates.read', render: () => <TemplatesPage /> },
  { pattern: '/publishing/media', permission: 'media.read', render: () => <MediaPage /> },
  { pattern: '/publishing/import', permission: 'publishing.import', render: () => <ImportPage /> },
  { pattern: '/publishing/pause', permission: 'publishing.pause', render: () => <PausePage /> },
];
