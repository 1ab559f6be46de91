import type { Connector } from './connector.js';
import { ConnectorError } from './errors.js';
import { sandboxConnector } from './sandbox/connector.js';
import type { Platform } from './types.js';

export interface ConnectorDeps {
  /** Base URL of the Sandbox API (`config.sandboxUrl`). */
  sandboxUrl: string;
  /** Replaces the global fetch (tests). */
  fetch?: typeof fetch;
}

/**
 * The connector of a platform. Only the Sandbox publishes so far; the other platforms validate
 * (see `limits.ts`) and their connectors come with their own work. Asking for one of them fails
 * with a `rejected` connector error, so a publication says why it cannot go out.
 */
export function getConnector(platform: Platform, deps: ConnectorDeps): Connector {
  switch (platform) {
    case 'sandbox':
      return sandboxConnector({ baseUrl: deps.sandboxUrl, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
    case 'x':
    case 'facebook':
    case 'youtube':
    case 'bluesky':
    case 'mastodon':
      throw new ConnectorError('rejected', `publishing to ${platform} is not available in this version of Chhavi`, { platformCode: 'no_connector' });
  }
}

/** Whether Chhavi can publish to this platform (the others can still be drafted and validated). */
export function canPublishTo(platform: Platform): boolean {
  return platform === 'sandbox';
}
