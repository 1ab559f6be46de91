import type { AuditLog } from '../../audit/audit-log.js';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import type { SandboxNetwork } from '../../platforms/sandbox/network/sandbox-network.js';
import type { Keyring } from '../../secrets/keyring.js';
import { AccountService } from '../accounts/account-service.js';
import { ApprovalService } from '../approvals/approval-service.js';
import { MediaService } from '../media/media-service.js';
import { TemplateService } from '../templates/template-service.js';
import { PostService } from './post-service.js';

/** The composing side of publishing: accounts, posts, approvals, media and templates, each given only what it uses. */
export function createPublishingCore(deps: { db: Database; audit: AuditLog; keyring: Keyring; sandbox: SandboxNetwork; config: Pick<Config, 'timeZone' | 'dataDir'> }) {
  const { db, audit } = deps;
  const posts = new PostService({ db, audit, timeZone: deps.config.timeZone });
  return {
    socialAccounts: new AccountService({ db, audit, keyring: deps.keyring, sandbox: deps.sandbox }),
    posts,
    approvals: new ApprovalService(db, audit, posts),
    media: new MediaService(db, audit, deps.config.dataDir),
    templates: new TemplateService(db, audit, posts),
  };
}
