import type { Logger } from '../../log/logger.js';
import { defaultEnricher, type Enricher } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { prepareBatch, type IngestContext } from '../mentions/ingest.js';
import { EnrichPool, poolableEnricher, type BatchPreparer } from './enrich-pool.js';
import { MemoryStream } from './memory-stream.js';
import { NatsStream, natsStreamName } from './nats-stream.js';
import { DEFAULT_CONSUME, type ConsumeOptions, type MentionStream, type StreamConsumer } from './stream.js';
import { createWriter, type BatchWriterHandle, type WriterStats } from './writer.js';

export interface PipelineOptions {
  /** NATS_URL: JetStream when set, in process otherwise. */
  natsUrl?: string | undefined;
  natsStream?: string;
  enrich?: Enricher;
  /**
   * Threads that enrich batches ahead of the writer (default: the machine's cores less one, 1 to 4);
   * 0 enriches on the writer's thread. An enricher only this process has (a test's) always runs here.
   */
  enrichThreads?: number;
  consume?: Partial<ConsumeOptions>;
  /** In-process queue bound (items). */
  capacity?: number;
}

/**
 * Source → stream → enrichment → batched idempotent write → watch matching. Sources call
 * `publish`; `startWorkers` runs the consumers in this process. In process (no NATS) every
 * process that publishes must also run workers; on NATS any process may publish and the worker
 * processes share the durable consumer.
 */
export class IngestPipeline {
  private stream: MentionStream | null = null;
  private opening: Promise<MentionStream> | null = null;
  private consumer: StreamConsumer | null = null;
  private writer: BatchWriterHandle | null = null;
  private pool: EnrichPool | null = null;

  constructor(
    private readonly ctx: IngestContext & { logger: Logger },
    private readonly opts: PipelineOptions = {},
  ) {}

  get mode(): 'memory' | 'nats' {
    return this.opts.natsUrl ? 'nats' : 'memory';
  }

  /** The stream, opened (and on NATS, connected and declared) on first use. */
  async getStream(): Promise<MentionStream> {
    if (this.stream) return this.stream;
    this.opening ??= (async () => {
      const s: MentionStream = this.opts.natsUrl
        ? await NatsStream.open({ url: this.opts.natsUrl, stream: this.opts.natsStream ?? natsStreamName(), logger: this.ctx.logger })
        : new MemoryStream(this.opts.capacity);
      this.stream = s;
      return s;
    })();
    return this.opening;
  }

  /** Hands items to the stream; resolves when they are safe (see `MentionStream.publish`). */
  async publish(items: readonly IncomingMention[]): Promise<void> {
    if (items.length === 0) return;
    const stream = await this.getStream();
    await stream.publish(items);
  }

  /** Starts this process's consumers. */
  async startWorkers(): Promise<BatchWriterHandle> {
    if (this.writer) return this.writer;
    const stream = await this.getStream();
    const writer = createWriter(this.ctx, this.preparer());
    this.writer = writer;
    this.consumer = stream.consume((items) => writer.write(items), { ...DEFAULT_CONSUME, ...this.opts.consume });
    return writer;
  }

  /**
   * Starts this process's consumers and its enrichment threads, and waits until the threads have
   * loaded the model: for a backlog known to be coming. Without it the threads start with the
   * first large batch, and batches are enriched on this thread until they are ready.
   */
  async startWarm(): Promise<BatchWriterHandle> {
    const writer = await this.startWorkers();
    await this.pool?.warm();
    return writer;
  }

  private preparer(): BatchPreparer {
    const fallback = defaultEnricher(this.ctx.logger);
    const enrich = this.opts.enrich ?? fallback;
    const kind = poolableEnricher(enrich, fallback);
    // The matcher may be set after the pipeline is made (`Ingestion.setMatcher`): asked for each batch.
    const watches = async () => (this.ctx.monitoring ? this.ctx.monitoring.activeWatches() : null);
    if (kind === null || this.opts.enrichThreads === 0) return async (items) => prepareBatch(items, enrich, await watches());
    const pool = new EnrichPool({ enricher: kind, threads: this.opts.enrichThreads, logger: this.ctx.logger, local: enrich });
    this.pool = pool;
    return async (items) => pool.prepare(items, await watches());
  }

  get stats(): WriterStats | null {
    return this.writer?.stats ?? null;
  }

  async stop(): Promise<void> {
    this.writer?.stop();
    await this.consumer?.stop();
    this.consumer = null;
    await this.pool?.close();
    this.pool = null;
    await this.stream?.close();
    this.stream = null;
    this.opening = null;
  }
}
