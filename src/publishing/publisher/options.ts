import { ConfigError } from '../../config/config.js';

/**
 * CHHAVI_PUBLISH_LEASE_SECONDS (default 120, 5 to 3600): how long a publishing attempt owns its
 * publication. A worker that dies mid-publish leaves the publication to recovery after this long;
 * each platform call is given half of it.
 */
export function publishLeaseSeconds(env: Record<string, string | undefined> = process.env): number {
  const raw = env.CHHAVI_PUBLISH_LEASE_SECONDS;
  if (raw === undefined || raw === '') return 120;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 5 || n > 3600) throw new ConfigError(`CHHAVI_PUBLISH_LEASE_SECONDS must be an integer from 5 to 3600, got "${raw}"`);
  return n;
}
