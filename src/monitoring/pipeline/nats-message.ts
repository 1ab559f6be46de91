import { hash } from 'node:crypto';
import type { IncomingMention } from '../mentions/incoming.js';

/**
 * How mentions travel in JetStream messages: several to a message (a JSON array), so a page of a
 * thousand costs ten publishes instead of a thousand. A message holds at most
 * `MAX_ITEMS_PER_MESSAGE` items and about `MAX_MESSAGE_BYTES` (well under the server's 1 MiB
 * `max_payload`); a single mention larger than that goes alone.
 */
export const MAX_ITEMS_PER_MESSAGE = 100;
export const MAX_MESSAGE_BYTES = 256 * 1024;

export interface PackLimits {
  maxItems: number;
  maxBytes: number;
}

export interface PackedMessage {
  data: Uint8Array;
  /** The message id for JetStream's duplicate window: the same items in the same order give the same id. */
  id: string;
  items: number;
}

/** One item's key: identity and a hash of its content (text, deletion, media). */
function itemKey(m: IncomingMention): string {
  // One call over the parts joined (the same bytes as hashing them one after another).
  const h = hash('sha1', `${m.text}${m.deleted ? '\u0001' : '\u0000'}${!m.media || m.media.length === 0 ? '[]' : JSON.stringify(m.media)}`, 'base64url');
  return `${m.platform}:${m.externalId}:${h}`;
}

/**
 * The message id of a chunk. A chunk of one keeps the id a single mention has always had; a larger
 * chunk is named by a hash of its items' keys. Fields that do not change what is stored (engagement,
 * `receivedAt`, the raw payload) are left out, so a source re-reading a page sends the same ids.
 */
function chunkId(items: readonly IncomingMention[]): string {
  if (items.length === 1) return itemKey(items[0]!).slice(0, 600);
  let keys = '';
  for (const m of items) keys += `${itemKey(m)}\n`;
  return `batch:${items.length}:${hash('sha256', keys, 'base64url')}`;
}

const enc = new TextEncoder();

/**
 * Cuts items, in order, into messages. Cuts depend only on the items, so publishing the same list
 * again (after a timeout) gives the same messages and ids, and JetStream stores each once.
 */
export function packMentions(items: readonly IncomingMention[], limits: PackLimits = { maxItems: MAX_ITEMS_PER_MESSAGE, maxBytes: MAX_MESSAGE_BYTES }): PackedMessage[] {
  const out: PackedMessage[] = [];
  let chunk: IncomingMention[] = [];
  let parts: string[] = [];
  let bytes = 2; // the brackets
  const flush = (): void => {
    if (!chunk.length) return;
    out.push({ data: enc.encode(`[${parts.join(',')}]`), id: chunkId(chunk), items: chunk.length });
    chunk = [];
    parts = [];
    bytes = 2;
  };
  for (const m of items) {
    const json = JSON.stringify(m);
    const size = Buffer.byteLength(json);
    // A comma before every item but the first.
    if (chunk.length && (chunk.length >= limits.maxItems || bytes + 1 + size > limits.maxBytes)) flush();
    bytes += size + (chunk.length ? 1 : 0);
    chunk.push(m);
    parts.push(json);
  }
  flush();
  return out;
}

export interface MalformedItem {
  index: number;
  reason: string;
}

export interface UnpackedMessage {
  items: IncomingMention[];
  /** Items that are not mentions (logged and dropped by the consumer); the others are kept. */
  malformed: MalformedItem[];
}

/** Why an item cannot be a mention, or null when it has the fields that identify one. */
function malformedReason(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not an object';
  const o = v as Record<string, unknown>;
  for (const field of ['platform', 'externalId', 'text', 'createdAt'] as const) {
    if (typeof o[field] !== 'string') return `${field} is not a string`;
  }
  return null;
}

const dec = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a message: a JSON array of mentions, or one mention object (the form of one mention a
 * message). Throws when the message is not JSON or neither form (the consumer terminates it); an
 * item that is not a mention is reported in `malformed` and the others are returned.
 */
export function unpackMentions(data: Uint8Array): UnpackedMessage {
  const value = JSON.parse(dec.decode(data)) as unknown;
  const list = Array.isArray(value) ? (value as unknown[]) : typeof value === 'object' && value !== null ? [value] : null;
  if (list === null) throw new Error('message is neither a mention nor a list of mentions');
  const items: IncomingMention[] = [];
  const malformed: MalformedItem[] = [];
  list.forEach((v, index) => {
    const reason = malformedReason(v);
    if (reason === null) items.push(v as IncomingMention);
    else malformed.push({ index, reason });
  });
  return { items, malformed };
}
