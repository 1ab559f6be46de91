import { describe, expect, it } from 'vitest';
import { COMING_LATER, NAV, visibleNav } from './nav-items.js';

const paths = (perms: string[]) => visibleNav(perms).flatMap((s) => s.items.map((i) => i.path));

describe('visibleNav', () => {
  it('shows the administration pages only with their permissions', () => {
    const admin = paths(['self', 'units.read', 'units.manage', 'users.read', 'users.manage', 'audit.read', 'settings.manage']);
    expect(admin).toEqual(expect.arrayContaining(['/users', '/units', '/audit', '/settings/security']));

    const analyst = paths(['self', 'units.read']);
    expect(analyst).not.toContain('/users');
    expect(analyst).not.toContain('/units');
    expect(analyst).not.toContain('/audit');
    expect(analyst).toContain('/settings/security');

    const supervisor = paths(['self', 'units.read', 'audit.read']);
    expect(supervisor).toContain('/audit');
    expect(supervisor).not.toContain('/users');
  });

  it('drops a section left without entries', () => {
    const headings = visibleNav(['self']).map((s) => s.heading);
    expect(headings).not.toContain('nav.administration');
    expect(headings).not.toContain('nav.publishing');
    expect(headings).not.toContain('nav.monitoring');
    expect(visibleNav(['self', 'sources.read']).map((s) => s.heading)).toContain('nav.monitoring');
  });

  it('shows monitoring only with its permissions (agency_editor holds none)', () => {
    const analyst = paths(['self', 'monitoring.read', 'watches.read', 'watches.manage', 'sources.read']);
    expect(analyst).toEqual(expect.arrayContaining(['/monitoring/stream', '/monitoring/watches', '/monitoring/sources']));
    const admin = paths(['self', 'users.read', 'sources.read']);
    expect(admin).toContain('/monitoring/sources');
    expect(admin).not.toContain('/monitoring/stream');
    const editor = paths(['self', 'posts.read', 'posts.write', 'publishing.calendar']);
    expect(editor.filter((p) => p.startsWith('/monitoring'))).toEqual([]);
    for (const path of ['/monitoring/stream', '/monitoring/watches', '/monitoring/sources']) expect(COMING_LATER).not.toHaveProperty(path);
  });

  it('shows each publishing screen only with its permission', () => {
    const editor = paths(['self', 'posts.read', 'posts.write', 'publishing.calendar', 'templates.read', 'media.read', 'accounts.read']);
    expect(editor).toEqual(expect.arrayContaining(['/publishing/calendar', '/publishing/posts', '/publishing/templates', '/publishing/media', '/publishing/accounts']));
    expect(editor).not.toContain('/publishing/approvals');
    expect(editor).not.toContain('/publishing/pause');
    const supervisor = paths(['self', 'posts.read', 'posts.approve', 'publishing.calendar', 'publishing.pause']);
    expect(supervisor).toEqual(expect.arrayContaining(['/publishing/approvals', '/publishing/pause']));
  });

  it('has a screen for every publishing entry instead of a placeholder', () => {
    for (const path of ['/publishing/calendar', '/publishing/approvals']) expect(COMING_LATER).not.toHaveProperty(path);
  });

  it('lists every capability still to come in the navigation', () => {
    const all = NAV.flatMap((s) => s.items.map((i) => i.path));
    for (const path of Object.keys(COMING_LATER)) expect(all).toContain(path);
  });
});
