import {
  AckPolicy,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  connect,
  nanos,
  type JetStreamClient,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import type { Logger } from '../../log/logger.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { takeBatch, writeParts, type PullSource } from './nats-batch.js';
import { packMentions } from './nats-message.js';
import type { BatchWriter, ConsumeOptions, MentionStream, StreamConsumer } from './stream.js';

export interface NatsStreamOptions {
  url: string;
  /** JetStream stream name (default CHHAVI_MENTIONS); its subject is `<name lowercased>.in`. */
  stream?: string;
  /** Durable consumer shared by every worker process (default `ingest`). */
  durable?: string;
  /** Seconds a delivered batch may stay unacknowledged before JetStream gives it to another worker. */
  ackWaitSeconds?: number;
  /**
   * Most unacknowledged messages across all workers (a message holds up to 100 mentions; each worker
   * loop holds about one batch of items unacknowledged, so this rarely binds).
   */
  maxAckPending?: number;
  /** Most bytes the stream holds; further publishes are refused (and retried by the source) until workers catch up. */
  maxBytes?: number;
  logger?: Logger;
}

/** The stream name from CHHAVI_NATS_STREAM (a separate stream per deployment or test). */
export function natsStreamName(env: Record<string, string | undefined> = process.env): string {
  const name = env.CHHAVI_NATS_STREAM || 'CHHAVI_MENTIONS';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new Error('CHHAVI_NATS_STREAM must be letters, digits, _ or - (at most 64)');
  return name;
}

/** How long a publish waits for JetStream's confirmation; a loaded server can take seconds. */
const PUBLISH_TIMEOUT_MS = 30_000;

function isTimeout(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === 'TIMEOUT' || e?.message === 'TIMEOUT';
}

/** Messages a publish has in flight at once (each holds up to 100 mentions). */
const PUBLISH_WINDOW = 64;

/**
 * A pull ends when the server says so (at the latest when its wait expires); this long after the
 * wait without that end (an answer lost in a reconnection) the messages received are kept and the
 * pull given up.
 */
const PULL_GUARD_MS = 5000;

/** An empty pull answered sooner than this was refused, not waited out: the loop pauses before asking again. */
const REFUSED_MS = 100;

/**
 * The ingestion stream on NATS JetStream: a file-backed work-queue stream and one durable pull
 * consumer that every worker process fetches from, so N workers on N machines share the work.
 * A message is acknowledged after the batch holding it committed; one left unacknowledged (the
 * worker died) is delivered again after `ackWaitSeconds`.
 */
export class NatsStream implements MentionStream {
  readonly kind = 'nats' as const;
  private readonly stream: string;
  private readonly subject: string;
  private readonly durable: string;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly opts: NatsStreamOptions,
  ) {
    this.stream = opts.stream ?? 'CHHAVI_MENTIONS';
    this.subject = `${this.stream.toLowerCase()}.in`;
    this.durable = opts.durable ?? 'ingest';
  }

  static async open(opts: NatsStreamOptions): Promise<NatsStream> {
    const nc = await connect({ servers: opts.url, name: 'chhavi-ingest', maxReconnectAttempts: -1, reconnectTimeWait: 500 });
    const s = new NatsStream(nc, nc.jetstream(), opts);
    await s.ensure();
    return s;
  }

  private async ensure(): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    const config = {
      name: this.stream,
      subjects: [this.subject],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      discard: DiscardPolicy.New,
      max_bytes: this.opts.maxBytes ?? 4 * 1024 ** 3,
      duplicate_window: nanos(10 * 60_000),
    };
    try {
      await jsm.streams.info(this.stream);
    } catch {
      try {
        await jsm.streams.add(config);
      } catch (err) {
        // Another process created it first.
        await jsm.streams.info(this.stream).catch(() => {
          throw err;
        });
      }
    }
    const consumer = {
      durable_name: this.durable,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos((this.opts.ackWaitSeconds ?? 30) * 1000),
      max_ack_pending: this.opts.maxAckPending ?? 20_000,
      max_deliver: -1,
    };
    try {
      await jsm.consumers.info(this.stream, this.durable);
    } catch {
      try {
        await jsm.consumers.add(this.stream, consumer);
      } catch (err) {
        await jsm.consumers.info(this.stream, this.durable).catch(() => {
          throw err;
        });
      }
    }
  }

  /** Messages stored and not yet acknowledged (the backlog), for health and tests. */
  async backlog(): Promise<number> {
    const jsm = await this.nc.jetstreamManager();
    const info = await jsm.streams.info(this.stream);
    return info.state.messages;
  }

  /** Publishes items several to a message (see `packMentions`); resolves once JetStream stored every message. */
  async publish(items: readonly IncomingMention[]): Promise<void> {
    const messages = packMentions(items);
    // Publishes in windows so a large page does not open hundreds of requests at once.
    for (let i = 0; i < messages.length; i += PUBLISH_WINDOW) {
      let pending = messages.slice(i, i + PUBLISH_WINDOW);
      for (let attempt = 0; pending.length; attempt++) {
        const results = await Promise.allSettled(pending.map((m) => this.js.publish(this.subject, m.data, { msgID: m.id, timeout: PUBLISH_TIMEOUT_MS })));
        const failed = pending.filter((_, k) => results[k]!.status === 'rejected');
        if (!failed.length) break;
        const err = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as unknown;
        // A publish that timed out may have been stored all the same: sent again under its message id, it is stored once.
        if (!isTimeout(err) || attempt >= 4) throw err;
        this.opts.logger?.warn({ err, messages: failed.length, items: failed.reduce((n, m) => n + m.items, 0), attempt }, 'ingestion stream: publish not confirmed in time; sending again');
        pending = failed;
      }
    }
  }

  /**
   * Up to `n` messages: a pull request with `no_wait` and `expires`, which the server (2.9 and
   * later) answers as soon as it has any message, with what it has, and otherwise when the wait
   * expires. The client waits for the server's end of the pull, so no message is delivered to a
   * pull this process stopped reading (it would wait out the acknowledgement wait). This is the
   * older `JetStreamClient.fetch`: the newer `consumer.fetch` has no `no_wait` and waits for
   * `max_messages` or `expires` (at least 1 s).
   */
  private async pull(n: number, waitMs: number): Promise<JsMsg[]> {
    const iter = this.js.fetch(this.stream, this.durable, { batch: n, no_wait: true, expires: waitMs });
    const guard = setTimeout(() => iter.stop(), waitMs + PULL_GUARD_MS);
    const msgs: JsMsg[] = [];
    try {
      for await (const m of iter) msgs.push(m);
    } catch (err) {
      // Messages already delivered are kept (written and acknowledged) rather than left to wait for redelivery.
      if (!msgs.length) throw err;
      this.opts.logger?.warn({ err, messages: msgs.length }, 'ingestion stream: pull ended early; writing what came');
    } finally {
      clearTimeout(guard);
    }
    return msgs;
  }

  consume(write: BatchWriter, opts: ConsumeOptions): StreamConsumer {
    let running = true;
    const loop = async (): Promise<void> => {
      const source: PullSource<JsMsg> = { pull: (n, waitMs) => this.pull(n, waitMs) };
      while (running) {
        let batch;
        const asked = performance.now();
        try {
          // Taken only when this loop can write it: unacknowledged messages stay few and short-lived.
          batch = await takeBatch(source, opts, this.opts.logger);
        } catch (err) {
          if (!running) break;
          this.opts.logger?.warn({ err }, 'ingestion stream: fetch failed; retrying');
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
        if (batch.messages.length === 0) {
          // Refused at once (stream or consumer gone, or other loops' pulls come first): no busy loop.
          if (performance.now() - asked < REFUSED_MS) await new Promise((r) => setTimeout(r, REFUSED_MS));
          continue;
        }
        for (const part of writeParts(batch, opts.batchSize)) {
          // A failed write leaves the batch unacknowledged: JetStream delivers it again.
          if (part.items.length) await write(part.items);
          // Acknowledged after the commit of every item of every message, all in one flush: an
          // acknowledgement lost on the way only means the batch comes again after the wait, and
          // the unique key stores nothing twice.
          for (const m of part.messages) m.ack();
          await this.nc.flush().catch((err: unknown) => this.opts.logger?.warn({ err }, 'ingestion stream: acknowledgements not confirmed; the batch may be delivered again'));
        }
      }
    };
    const loops = Array.from({ length: opts.concurrency }, () =>
      loop().catch((err: unknown) => {
        // When stopping, a write that gave up leaves its batch unacknowledged: redelivered later.
        if (running) this.opts.logger?.error({ err }, 'ingestion stream: consumer stopped');
      }),
    );
    return {
      stop: async () => {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  /** Removes the stream and its messages (tests and benchmarks only). */
  async destroy(): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    await jsm.streams.delete(this.stream).catch(() => false);
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => this.nc.close());
  }
}
