import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { RoleSchema } from '../../auth/routes/schemas.js';
import { UnitIdList, UserSchema } from './schemas.js';

export function createUserRoute(api: App, ctx: AppContext): void {
  api.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user; without a password one is generated and returned once',
        body: Type.Object(
          {
            username: Type.String({ minLength: 2, maxLength: 64 }),
            displayName: Type.String({ minLength: 1, maxLength: 200 }),
            role: RoleSchema,
            unitIds: Type.Optional(UnitIdList),
            allUnits: Type.Optional(Type.Boolean()),
            password: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ user: UserSchema, initialPassword: Type.Optional(Type.String()) }) },
      },
      config: { policy: { permission: 'users.manage' } },
    },
    async (req, reply) => reply.code(201).send(await ctx.users.create(requireAuth(req).actor, req.body)),
  );
}
