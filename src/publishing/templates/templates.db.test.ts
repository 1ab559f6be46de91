import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../../test-support/factories.js';
import { buildAccount } from '../posts/post-factories.js';
import { placeholdersIn, render } from './placeholders.js';

interface TemplateBody {
  id: string;
  placeholders: string[];
  postCount: number;
  active: boolean;
  can: { edit: boolean; use: boolean };
}

describe('templates', () => {
  let t: TestApp;
  let sb: SignedIn;
  let editor: SignedIn;
  let unitId: string;
  let accountId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const s = await makeUser(t.ctx, { role: 'sb_supervisor' });
    sb = await signIn(t.app, s.username, s.password);
    unitId = (await makeUnit(t.ctx, { nameEn: 'Dwarka', nameHi: 'द्वारका' })).id;
    accountId = (await buildAccount(t.ctx, { unitId })).id;
    const e = await makeUser(t.ctx, { role: 'agency_editor', unitIds: [unitId] });
    editor = await signIn(t.app, e.username, e.password);
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers(), ...(payload ? { payload } : {}) });

  it('renders placeholders and leaves unknown text alone', () => {
    expect(placeholdersIn('{unit_name} {helpline_112} {unit_name}')).toEqual(['unit_name', 'helpline_112']);
    expect(render('{unit_name_hi} पुलिस: {cyber_helpline_1930} {not_known}', { nameEn: 'Dwarka', nameHi: 'द्वारका' })).toBe('द्वारका पुलिस: 1930 {not_known}');
  });

  it('creates a bilingual template, refuses unknown placeholders, and an editor may use but not edit it', async () => {
    const bad = await call(sb, 'POST', '/templates', { nameEn: 'Bad', nameHi: 'खराब', category: 'general', textEn: 'Call {helpline_999}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/unknown placeholder \{helpline_999\}/);

    const res = await call(sb, 'POST', '/templates', {
      nameEn: 'Fake KYC calls',
      nameHi: 'फर्जी केवाईसी कॉल',
      category: 'cyber_fraud',
      textEn: '{unit_name} Police: banks never ask for OTP. Report fraud at {cyber_helpline_1930}.',
      textHi: '{unit_name_hi} पुलिस: बैंक कभी OTP नहीं माँगता। ठगी की शिकायत {cyber_helpline_1930} पर करें।',
      hashtags: ['CyberSafety'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const tpl = res.json<{ template: TemplateBody }>().template;
    expect(tpl.placeholders).toEqual(['unit_name', 'cyber_helpline_1930', 'unit_name_hi']);
    const seen = (await call(editor, 'GET', `/templates/${tpl.id}`)).json<{ template: TemplateBody }>().template;
    expect(seen.can).toEqual({ edit: false, use: true });
    expect((await call(editor, 'PATCH', `/templates/${tpl.id}`, { active: false })).statusCode).toBe(403);
    expect((await call(editor, 'GET', '/templates?category=cyber_fraud')).json<{ templates: TemplateBody[] }>().templates.map((x) => x.id)).toEqual([tpl.id]);
    expect((await call(editor, 'GET', `/templates?q=${encodeURIComponent('केवाईसी')}`)).json<{ templates: TemplateBody[] }>().templates).toHaveLength(1);
  });

  it('makes a draft from a template for a unit, filled in, keeping the template id', async () => {
    const tpl = (await call(editor, 'GET', '/templates?category=cyber_fraud')).json<{ templates: TemplateBody[] }>().templates[0]!;
    const res = await call(editor, 'POST', `/templates/${tpl.id}/posts`, { unitId, accountIds: [accountId], language: 'both', campaign: 'Cyber week' });
    expect(res.statusCode, res.body).toBe(201);
    const post = res.json<{ post: { id: string; templateId: string; status: string; campaign: string; variants: { text: string; hashtags: string[] }[] } }>().post;
    expect(post).toMatchObject({ templateId: tpl.id, status: 'draft', campaign: 'Cyber week' });
    expect(post.variants[0]!.text).toBe('द्वारका पुलिस: बैंक कभी OTP नहीं माँगता। ठगी की शिकायत 1930 पर करें।\n\nDwarka Police: banks never ask for OTP. Report fraud at 1930.');
    expect(post.variants[0]!.hashtags).toEqual(['CyberSafety']);
    const en = (await call(editor, 'POST', `/templates/${tpl.id}/posts`, { unitId, accountIds: [accountId], language: 'en' })).json<{ post: { variants: { text: string }[] } }>().post;
    expect(en.variants[0]!.text).toBe('Dwarka Police: banks never ask for OTP. Report fraud at 1930.');
    // Reports count a template's posts.
    expect((await call(editor, 'GET', `/templates/${tpl.id}`)).json<{ template: TemplateBody }>().template.postCount).toBe(2);
    expect((await call(editor, 'GET', `/posts?templateId=${tpl.id}`)).json<{ posts: unknown[] }>().posts).toHaveLength(2);
    // A retired template cannot be used.
    await call(sb, 'PATCH', `/templates/${tpl.id}`, { active: false });
    expect((await call(editor, 'POST', `/templates/${tpl.id}/posts`, { unitId, accountIds: [accountId], language: 'en' })).statusCode).toBe(409);
  });
});
