import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { RoleSchema } from '../../auth/routes/schemas.js';
import { UnitIdList, UserEnvelope, UserIdParams } from './schemas.js';

export function updateUserRoute(api: App, ctx: AppContext): void {
  api.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user’s name, role, units or disabled flag',
        params: UserIdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            role: Type.Optional(RoleSchema),
            unitIds: Type.Optional(UnitIdList),
            allUnits: Type.Optional(Type.Boolean()),
            disabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserEnvelope },
      },
      config: { policy: { permission: 'users.manage' } },
    },
    async (req) => ({ user: await ctx.users.update(requireAuth(req).actor, req.params.id, req.body) }),
  );
}
