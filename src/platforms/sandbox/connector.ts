import type { Connector } from '../connector.js';
import { composeText } from '../compose-text.js';
import { ConnectorError } from '../errors.js';
import type { AccountCredentials, PublishedRef, RemoteComment, RemoteMetrics, VariantToPublish } from '../types.js';
import { sandboxCall, type SandboxClientDeps } from './client.js';
import { sandboxLimits, validateSandbox } from './limits.js';

interface SandboxPost {
  id: string;
  url: string;
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new ConnectorError('transient', `the Sandbox sent no ${what}`);
  return value;
}

/**
 * The Sandbox platform's connector: talks to the Sandbox API over HTTP exactly as a real
 * connector talks to its platform, with idempotency keys and lookup by key for recovery.
 */
export function sandboxConnector(deps: SandboxClientDeps): Connector {
  return {
    platform: 'sandbox',
    limits: sandboxLimits,
    validate: validateSandbox,

    async publish(account: AccountCredentials, v: VariantToPublish, opts: { idempotencyKey: string }): Promise<PublishedRef> {
      const body = {
        text: composeText(v),
        link: v.link ?? null,
        title: v.title ?? null,
        media: (v.media ?? []).map((m) => ({ sha256: m.sha256, mime: m.mime, bytes: m.bytes, alt: m.altEn || m.altHi || '' })),
      };
      const post = required(await sandboxCall<SandboxPost>(deps, account.token, 'POST', '/sandbox/v1/posts', { body, headers: { 'idempotency-key': opts.idempotencyKey } }), 'post');
      return { remoteId: post.id, url: post.url };
    },

    async findPublished(account: AccountCredentials, idempotencyKey: string): Promise<PublishedRef | null> {
      const post = await sandboxCall<SandboxPost>(deps, account.token, 'GET', `/sandbox/v1/posts/by-key/${encodeURIComponent(idempotencyKey)}`, { notFoundIsNull: true });
      return post ? { remoteId: post.id, url: post.url } : null;
    },

    async delete(account: AccountCredentials, remoteId: string): Promise<void> {
      await sandboxCall(deps, account.token, 'DELETE', `/sandbox/v1/posts/${encodeURIComponent(remoteId)}`);
    },

    async fetchMetrics(account: AccountCredentials, remoteId: string): Promise<RemoteMetrics> {
      return required(await sandboxCall<RemoteMetrics>(deps, account.token, 'GET', `/sandbox/v1/posts/${encodeURIComponent(remoteId)}/metrics`), 'metrics');
    },

    async fetchComments(account: AccountCredentials, remoteId: string, cursor?: string | null): Promise<{ comments: RemoteComment[]; cursor: string | null }> {
      const q = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      return required(
        await sandboxCall<{ comments: RemoteComment[]; cursor: string | null }>(deps, account.token, 'GET', `/sandbox/v1/posts/${encodeURIComponent(remoteId)}/comments${q}`),
        'comments',
      );
    },
  };
}
