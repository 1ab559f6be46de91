import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMention } from '../mentions/incoming.js';
import { recordToIncoming } from './file-import.js';
import type { SourceRow } from './source-repository.js';

/** Seconds a signed request stays valid: older (or future) timestamps are refused as replays. */
export const WEBHOOK_TOLERANCE_S = 300;
export const WEBHOOK_MAX_ITEMS = 1000;
export const SIGNATURE_HEADER = 'x-chhavi-signature';
export const TIMESTAMP_HEADER = 'x-chhavi-timestamp';

/** The signature a sender puts in `X-Chhavi-Signature`: `sha256=` and the hex HMAC of `<timestamp>.<body>`. */
export function signWebhook(secret: string, timestamp: number, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export type WebhookCheck = { ok: true } | { ok: false; reason: 'missing_signature' | 'stale_timestamp' | 'bad_signature' };

export function verifyWebhook(secret: string, headers: { signature?: string | undefined; timestamp?: string | undefined }, body: Buffer, nowMs = Date.now()): WebhookCheck {
  if (!headers.signature || !headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: 'missing_signature' };
  const ts = Number(headers.timestamp);
  if (Math.abs(nowMs / 1000 - ts) > WEBHOOK_TOLERANCE_S) return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}

/**
 * The items of a verified webhook body `{ "mentions": [...] }`, each checked like an import row:
 * good ones carry the source's id and units, bad ones are reported by index.
 */
export function webhookItems(source: SourceRow, body: unknown): { items: IncomingMention[]; rejected: { index: number; message: string }[] } | { error: string } {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { mentions?: unknown }).mentions)) return { error: 'the body must be an object with a "mentions" list' };
  const list = (body as { mentions: unknown[] }).mentions;
  if (list.length > WEBHOOK_MAX_ITEMS) return { error: `at most ${WEBHOOK_MAX_ITEMS} mentions per request` };
  const platform = typeof source.config.platform === 'string' ? source.config.platform : 'webhook';
  const now = new Date().toISOString();
  const items: IncomingMention[] = [];
  const rejected: { index: number; message: string }[] = [];
  list.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      rejected.push({ index, message: 'not an object' });
      return;
    }
    const r = recordToIncoming(entry as Record<string, unknown>, { platform, sourceId: source.id, unitIds: source.unitIds, now });
    if (r.ok) items.push({ ...r.value, receivedAt: now });
    else rejected.push({ index, message: r.message });
  });
  return { items, rejected };
}
