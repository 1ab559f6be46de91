import { can, inScope, type Actor, type SystemActor } from '../../auth/actor.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Database } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { findMedia } from '../media/media-repository.js';
import type { PostService } from '../posts/post-service.js';
import type { PostView } from '../posts/post-types.js';
import { PLACEHOLDERS, placeholdersIn, render } from './placeholders.js';
import * as repo from './template-repository.js';
import type { TemplateFields, TemplateRow } from './template-repository.js';

export type Template = TemplateRow;

export const TEMPLATE_CATEGORIES = ['cyber_fraud', 'women_safety', 'traffic', 'child_safety', 'senior_citizens', 'drugs', 'festival', 'general'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export interface TemplateInput {
  nameEn: string;
  nameHi: string;
  category: TemplateCategory;
  textEn?: string | undefined;
  textHi?: string | undefined;
  hashtags?: string[] | undefined;
  mediaIds?: string[] | undefined;
  active?: boolean | undefined;
}

export type Language = 'en' | 'hi' | 'both';

const TEXT_MAX = 5000;

/**
 * Bilingual awareness templates with placeholders (`{unit_name}`, `{cyber_helpline_1930}`...). A
 * post made from a template is an ordinary draft that keeps the template's id, so reports can
 * count a campaign's posts.
 */
export class TemplateService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly posts: PostService,
  ) {}

  list(f: { category?: string | undefined; text?: string | undefined; active?: boolean | undefined } = {}): Promise<Template[]> {
    return repo.listTemplates(this.db, f);
  }

  async get(id: string): Promise<Template> {
    const t = await repo.findTemplate(this.db, id);
    if (!t) throw notFound('template');
    return t;
  }

  async create(actor: Actor | SystemActor, input: TemplateInput): Promise<Template> {
    if (!('system' in actor) && !can(actor, 'templates.manage')) throw forbidden('your role may not manage templates');
    const fields = await this.clean(input, null);
    return this.db.transaction(async (tx) => {
      const id = await repo.insertTemplate(tx, fields, 'system' in actor ? null : actor.userId);
      await this.audit.record(tx, { actor, action: 'template.created', targetType: 'template', targetId: id, details: { nameEn: fields.nameEn, category: fields.category } });
      return (await repo.findTemplate(tx, id))!;
    });
  }

  async update(actor: Actor, id: string, patch: Partial<TemplateInput>): Promise<Template> {
    if (!can(actor, 'templates.manage')) throw forbidden('your role may not manage templates');
    return this.db.transaction(async (tx) => {
      const before = await repo.findTemplate(tx, id, true);
      if (!before) throw notFound('template');
      const fields = await this.clean({ ...before, category: before.category as TemplateCategory, ...stripUndefined(patch) }, before);
      await repo.updateTemplate(tx, id, fields);
      const changed = (Object.keys(fields) as (keyof TemplateFields)[]).filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(before[k]));
      if (changed.length) await this.audit.record(tx, { actor, action: 'template.updated', targetType: 'template', targetId: id, details: { changed } });
      return (await repo.findTemplate(tx, id))!;
    });
  }

  /** Renders the template for a unit into a new draft with one variant per account. */
  async createPost(
    actor: Actor,
    id: string,
    input: { unitId: string; accountIds: string[]; language: Language; campaign?: string | null | undefined; scheduledAt?: string | null | undefined; timeZone?: string | undefined },
  ): Promise<PostView> {
    if (!inScope(actor, input.unitId)) throw forbidden(`unit ${input.unitId} is outside your scope`);
    const t = await this.get(id);
    if (!t.active) throw new AppError('conflict', 'this template is retired');
    const unit = (await this.db.query<{ nameEn: string; nameHi: string }>('SELECT name_en AS "nameEn", name_hi AS "nameHi" FROM units WHERE id = $1', [input.unitId]))[0];
    if (!unit) throw new AppError('validation_failed', `unitId: unit ${input.unitId} not found`, { field: 'unitId' });
    const text = this.textFor(t, input.language, unit);
    return this.posts.create(actor, {
      unitId: input.unitId,
      campaign: input.campaign ?? null,
      scheduledAt: input.scheduledAt ?? null,
      timeZone: input.timeZone,
      templateId: t.id,
      variants: input.accountIds.map((accountId) => ({ accountId, text, hashtags: t.hashtags, mediaIds: t.mediaIds })),
    });
  }

  textFor(t: Template, language: Language, unit: { nameEn: string; nameHi: string }): string {
    const en = render(t.textEn, unit).trim();
    const hi = render(t.textHi, unit).trim();
    if (language === 'en') {
      if (!en) throw new AppError('validation_failed', 'language: this template has no English text', { field: 'language' });
      return en;
    }
    if (language === 'hi') {
      if (!hi) throw new AppError('validation_failed', 'language: this template has no Hindi text', { field: 'language' });
      return hi;
    }
    return [hi, en].filter(Boolean).join('\n\n');
  }

  private async clean(input: TemplateInput, before: Template | null): Promise<TemplateFields> {
    const nameEn = input.nameEn.trim();
    const nameHi = input.nameHi.trim();
    if (!nameEn || nameEn.length > 120) throw new AppError('validation_failed', 'nameEn: 1 to 120 characters', { field: 'nameEn' });
    if (!nameHi || nameHi.length > 120) throw new AppError('validation_failed', 'nameHi: 1 to 120 characters', { field: 'nameHi' });
    const textEn = (input.textEn ?? '').normalize('NFC').trim();
    const textHi = (input.textHi ?? '').normalize('NFC').trim();
    if (!textEn && !textHi) throw new AppError('validation_failed', 'textEn: write the text in English, Hindi or both', { field: 'textEn' });
    for (const [field, text] of [['textEn', textEn], ['textHi', textHi]] as const) {
      if (text.length > TEXT_MAX) throw new AppError('validation_failed', `${field}: at most ${TEXT_MAX} characters`, { field });
      const unknown = placeholdersIn(text).filter((p) => !PLACEHOLDERS.includes(p));
      if (unknown.length) throw new AppError('validation_failed', `${field}: unknown placeholder {${unknown[0]}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`, { field });
    }
    const mediaIds = [...new Set(input.mediaIds ?? [])];
    const found = new Set((await findMedia(this.db, mediaIds)).map((m) => m.sha256));
    const missing = mediaIds.find((m) => !found.has(m));
    if (missing) throw new AppError('validation_failed', `mediaIds: media ${missing} not found`, { field: 'mediaIds' });
    const hashtags = [...new Set((input.hashtags ?? []).map((h) => h.trim().replace(/^#+/, '')).filter(Boolean))];
    const badTag = hashtags.find((t) => !/^[\p{L}\p{M}\p{N}_]+$/u.test(t));
    if (badTag) throw new AppError('validation_failed', `hashtags: "${badTag}" may hold only letters, digits and _`, { field: 'hashtags' });
    if (before === null && (await repo.findTemplateByName(this.db, nameEn))) throw new AppError('conflict', `a template named ${nameEn} exists`, { field: 'nameEn' });
    return {
      nameEn,
      nameHi,
      category: input.category,
      textEn,
      textHi,
      hashtags,
      mediaIds,
      placeholders: [...new Set([...placeholdersIn(textEn), ...placeholdersIn(textHi)])],
      active: input.active ?? before?.active ?? true,
    };
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
