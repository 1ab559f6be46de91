import { can, type Actor } from '../../auth/actor.js';
import type { Template } from '../templates/template-service.js';

export function presentTemplate(actor: Actor, t: Template) {
  return { ...t, can: { edit: can(actor, 'templates.manage'), use: t.active && can(actor, 'posts.write') } };
}
