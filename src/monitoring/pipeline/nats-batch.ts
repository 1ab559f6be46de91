import type { Logger } from '../../log/logger.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { MAX_ITEMS_PER_MESSAGE, unpackMentions } from './nats-message.js';

/** What the batch taker needs of a delivered JetStream message. */
export interface DeliveredMessage {
  readonly data: Uint8Array;
  readonly seq: number;
  term(): void;
}

/** Where a batch is pulled from. */
export interface PullSource<M extends DeliveredMessage> {
  /** Up to `n` messages: waits at most `waitMs` for the first, then returns with what is there. */
  pull(n: number, waitMs: number): Promise<M[]>;
}

export interface TakenBatch<M> {
  /** Messages to acknowledge once `items` are committed (undecodable ones are already terminated). */
  messages: M[];
  items: IncomingMention[];
  /** Items of each message in `messages` (none for a message whose items were all malformed). */
  counts: number[];
}

/** Longest wait for the first message of a batch (an idle consumer loop asks again after it). */
export const FIRST_WAIT_MS = 1000;
/** Wait of a further pull when the stream turns out to be empty: its only cost when nothing came. */
export const MORE_WAIT_MS = 10;
/** Pulls after the first, at most: each asks for what the batch still lacks. */
const MAX_ROUNDS = 4;

/**
 * Takes one batch of about `batchSize` items without waiting for it to fill: what is there now, or
 * else the first message to come and what came with it. A message holds several items, so each
 * further pull asks for as many messages as the items still lacking make at the average seen so
 * far in this batch. A pull that returns fewer messages than asked for emptied the stream: once
 * (after `lingerMs`, for what arrives meanwhile) the batch pulls again, then it is complete.
 *
 * Every message is decoded here: one that cannot be is logged and terminated (JetStream does not
 * deliver it again); an item in it that is not a mention is logged and dropped, and the message's
 * other items are kept.
 */
export async function takeBatch<M extends DeliveredMessage>(source: PullSource<M>, opts: { batchSize: number; lingerMs: number }, logger?: Logger): Promise<TakenBatch<M>> {
  const batch: TakenBatch<M> = { messages: [], items: [], counts: [] };
  let seen = 0;
  const take = (msgs: M[]): void => {
    for (const m of msgs) {
      seen++;
      let decoded;
      try {
        decoded = unpackMentions(m.data);
      } catch (err) {
        logger?.error({ err, seq: m.seq }, 'ingestion stream: undecodable message dropped');
        m.term();
        continue;
      }
      for (const bad of decoded.malformed) logger?.error({ seq: m.seq, index: bad.index, reason: bad.reason }, 'ingestion stream: item that is not a mention dropped');
      batch.messages.push(m);
      batch.counts.push(decoded.items.length);
      for (const item of decoded.items) batch.items.push(item);
    }
  };

  let asked = Math.max(1, Math.floor(opts.batchSize / MAX_ITEMS_PER_MESSAGE));
  let got = await source.pull(asked, FIRST_WAIT_MS);
  take(got);
  let lingered = false;
  for (let round = 0; got.length && round < MAX_ROUNDS && batch.items.length < opts.batchSize; round++) {
    if (got.length < asked) {
      if (lingered || opts.lingerMs <= 0) break;
      lingered = true;
      await new Promise((r) => setTimeout(r, opts.lingerMs));
    }
    const perMessage = Math.max(1, batch.items.length / seen);
    asked = Math.max(1, Math.ceil((opts.batchSize - batch.items.length) / perMessage));
    got = await source.pull(asked, MORE_WAIT_MS);
    take(got);
  }
  return batch;
}

/**
 * The writes a batch is made in: one, unless its messages held far more items than the ones
 * before them and the batch came to more than twice `batchSize`; then parts of at most
 * `batchSize` items (a message is never cut), each acknowledged after its own commit, so no
 * transaction grows beyond what the consumer is configured for.
 */
export function writeParts<M>(batch: TakenBatch<M>, batchSize: number): TakenBatch<M>[] {
  if (batch.items.length <= 2 * batchSize) return [batch];
  const parts: TakenBatch<M>[] = [];
  let part: TakenBatch<M> = { messages: [], items: [], counts: [] };
  let at = 0;
  batch.messages.forEach((m, k) => {
    const n = batch.counts[k]!;
    if (part.messages.length && part.items.length + n > batchSize) {
      parts.push(part);
      part = { messages: [], items: [], counts: [] };
    }
    part.messages.push(m);
    part.counts.push(n);
    for (let i = at; i < at + n; i++) part.items.push(batch.items[i]!);
    at += n;
  });
  parts.push(part);
  return parts;
}
