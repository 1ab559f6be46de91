import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { loginRoute } from './login.js';
import { logoutRoute } from './logout.js';
import { meGetRoute } from './me-get.js';
import { meUpdateRoute } from './me-update.js';
import { passwordChangeRoute } from './password-change.js';
import { tokensCreateRoute } from './tokens-create.js';
import { tokensListRoute } from './tokens-list.js';
import { tokensRevokeRoute } from './tokens-revoke.js';
import { totpDisableRoute } from './totp-disable.js';
import { totpEnableRoute } from './totp-enable.js';
import { totpSetupRoute } from './totp-setup.js';
import { totpVerifyRoute } from './totp-verify.js';

/** Sign-in, sessions and the account's own settings, under /api/v1/auth. */
export function registerAuthRoutes(api: App, ctx: AppContext): void {
  for (const route of [
    loginRoute,
    totpVerifyRoute,
    logoutRoute,
    meGetRoute,
    meUpdateRoute,
    passwordChangeRoute,
    totpSetupRoute,
    totpEnableRoute,
    totpDisableRoute,
    tokensListRoute,
    tokensCreateRoute,
    tokensRevokeRoute,
  ]) {
    route(api, ctx);
  }
}
