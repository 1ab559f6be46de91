import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { clientOf, requireAuth } from '../request.js';
import { MeSchema } from './schemas.js';

export function totpVerifyRoute(api: App, ctx: AppContext): void {
  api.post(
    '/auth/totp/verify',
    {
      schema: {
        tags: ['auth'],
        summary: 'Complete a sign-in with the code from the authenticator app',
        body: Type.Object({ code: Type.String({ minLength: 6, maxLength: 10 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ user: MeSchema }) },
      },
      config: { policy: { permission: 'self', allowPendingSecondFactor: true } },
    },
    async (req, reply) => {
      const issued = await ctx.auth.verifySecondFactor(requireAuth(req), req.body.code, clientOf(req));
      ctx.auth.setCookie(reply, issued);
      const user = await ctx.auth.meOf(issued);
      return { user };
    },
  );
}
