import { isIPv6 } from 'node:net';
import type { Queryable } from '../db/database.js';

/**
 * Failed sign-ins per client address, in the database so that every web process shares the count.
 * A fixed window: the first failure opens it, and `limit` failures inside it block the address
 * until it closes.
 */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

/**
 * The throttle key of a client address. An IPv6 client usually holds a whole /64, so its
 * addresses share one key; IPv4 (also when written as ::ffff:a.b.c.d) is counted per address.
 */
export function ipThrottleKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return `ip:${mapped[1]}`;
  if (!isIPv6(ip)) return `ip:${ip}`;
  return `ip6:${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((h) => h.padStart(4, '0'));
}

/** Seconds until the key may try again, or 0 when it is not blocked. */
export async function throttleRetryAfter(q: Queryable, key: string, rule: ThrottleRule, now: Date): Promise<number> {
  const rows = await q.query<{ failures: number; windowStart: Date }>(
    'SELECT failures, window_start AS "windowStart" FROM login_throttle WHERE key = $1',
    [key],
  );
  const row = rows[0];
  if (!row || row.failures < rule.limit) return 0;
  const reopens = new Date(row.windowStart).getTime() + rule.windowMs;
  return reopens > now.getTime() ? Math.ceil((reopens - now.getTime()) / 1000) : 0;
}

export async function recordThrottleFailure(q: Queryable, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  const windowOpenedBefore = new Date(now.getTime() - rule.windowMs);
  await q.execute(
    `INSERT INTO login_throttle AS t (key, failures, window_start) VALUES ($1, 1, $2::timestamptz)
     ON CONFLICT (key) DO UPDATE SET
       failures     = CASE WHEN t.window_start <= $3::timestamptz THEN 1 ELSE t.failures + 1 END,
       window_start = CASE WHEN t.window_start <= $3::timestamptz THEN $2::timestamptz ELSE t.window_start END`,
    [key, now, windowOpenedBefore],
  );
}

export async function purgeThrottle(q: Queryable, rule: ThrottleRule, now: Date): Promise<number> {
  return q.execute('DELETE FROM login_throttle WHERE window_start <= $1::timestamptz', [new Date(now.getTime() - rule.windowMs)]);
}
