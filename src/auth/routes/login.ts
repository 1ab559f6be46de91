import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { clientOf } from '../request.js';
import { MeSchema } from './schemas.js';

export function loginRoute(api: App, ctx: AppContext): void {
  api.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the chhavi_session cookie',
        description: 'Errors: 401 invalid_credentials, 423 account_locked, 403 account_disabled, 429 too_many_requests (with Retry-After).',
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ user: MeSchema, secondFactorRequired: Type.Boolean() }) },
      },
      config: { policy: { public: true, why: 'signing in is how a session starts' } },
    },
    async (req, reply) => {
      const issued = await ctx.auth.login(req.body, clientOf(req));
      ctx.auth.setCookie(reply, issued);
      const user = await ctx.auth.meOf(issued);
      return { user, secondFactorRequired: issued.secondFactorPending };
    },
  );
}
