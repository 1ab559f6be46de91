import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { createUserRoute } from './create.js';
import { getUserRoute } from './get.js';
import { listUsersRoute } from './list.js';
import { resetPasswordRoute } from './reset-password.js';
import { unlockUserRoute } from './unlock.js';
import { updateUserRoute } from './update.js';

/** User administration, under /api/v1/users. */
export function registerUserRoutes(api: App, ctx: AppContext): void {
  for (const route of [listUsersRoute, createUserRoute, getUserRoute, updateUserRoute, resetPasswordRoute, unlockUserRoute]) route(api, ctx);
}
