import type { IncomingMention } from '../mentions/incoming.js';
import type { BatchWriter, ConsumeOptions, MentionStream, StreamConsumer } from './stream.js';

interface Entry {
  item: IncomingMention;
  done: () => void;
  fail: (err: unknown) => void;
}

/**
 * The in-process stream: a bounded queue. `publish` waits for room, then for the write of its
 * items, so the caller (a source) advances its cursor only after the commit; nothing is held in
 * memory that a restart would need.
 */
export class MemoryStream implements MentionStream {
  readonly kind = 'memory' as const;
  private readonly queue: Entry[] = [];
  private head = 0;
  private roomWaiters: (() => void)[] = [];
  private itemWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly capacity = 10_000) {}

  get depth(): number {
    return this.queue.length - this.head;
  }

  async publish(items: readonly IncomingMention[]): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const item of items) {
      while (this.depth >= this.capacity && !this.closed) await new Promise<void>((r) => this.roomWaiters.push(r));
      if (this.closed) throw new Error('the ingestion stream is closed');
      pending.push(new Promise<void>((done, fail) => this.queue.push({ item, done, fail })));
      this.wake(this.itemWaiters);
    }
    await Promise.all(pending);
  }

  consume(write: BatchWriter, opts: ConsumeOptions): StreamConsumer {
    let running = true;
    const loop = async (): Promise<void> => {
      while (running) {
        if (this.depth === 0) {
          await new Promise<void>((r) => this.itemWaiters.push(r));
          continue;
        }
        if (this.depth < opts.batchSize && opts.lingerMs > 0) await new Promise((r) => setTimeout(r, opts.lingerMs));
        const batch = this.take(opts.batchSize);
        if (batch.length === 0) continue;
        try {
          await write(batch.map((e) => e.item));
          for (const e of batch) e.done();
        } catch (err) {
          for (const e of batch) e.fail(err);
        }
      }
    };
    const loops = Array.from({ length: opts.concurrency }, () => loop());
    return {
      stop: async () => {
        running = false;
        this.wake(this.itemWaiters, true);
        await Promise.all(loops);
      },
    };
  }

  private take(n: number): Entry[] {
    const out = this.queue.slice(this.head, this.head + n);
    this.head += out.length;
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.wake(this.roomWaiters, true);
    return out;
  }

  private wake(waiters: (() => void)[], all = false): void {
    if (all) {
      const ws = waiters.splice(0);
      for (const w of ws) w();
    } else waiters.shift()?.();
  }

  close(): Promise<void> {
    this.closed = true;
    this.wake(this.roomWaiters, true);
    for (const e of this.queue.slice(this.head)) e.fail(new Error('the ingestion stream closed before the item was written'));
    this.queue.length = 0;
    this.head = 0;
    return Promise.resolve();
  }
}
