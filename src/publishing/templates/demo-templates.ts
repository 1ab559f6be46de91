import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../app/context.js';
import type { SystemActor } from '../../auth/actor.js';
import { packageRoot } from '../../config/paths.js';
import { findTemplateByName } from './template-repository.js';
import type { TemplateInput } from './template-service.js';

export const DEMO_TEMPLATES_FILE = join(packageRoot, 'seed', 'demo', 'templates.json');
const DEMO: SystemActor = { system: true, label: 'demo' };

/** Demo mode: the awareness templates of `seed/demo/templates.json` that do not exist yet. */
export async function seedDemoTemplates(ctx: Pick<AppContext, 'db' | 'templates'>, file = DEMO_TEMPLATES_FILE): Promise<number> {
  const templates = JSON.parse(readFileSync(file, 'utf8')) as TemplateInput[];
  let created = 0;
  for (const t of templates) {
    if (await findTemplateByName(ctx.db, t.nameEn)) continue;
    await ctx.templates.create(DEMO, t);
    created++;
  }
  return created;
}
