/**
 * Runs requests that arrive while another run is in flight together, as one call for the lot
 * (group commit): a request that arrives when nothing runs goes on the next turn of the event loop
 * with whatever else arrived in this one, so nothing waits for a batch to fill. `run` answers for the keys it was given; a key it leaves out answers `undefined`.
 * When a run fails as a whole, its keys are run one by one, so one bad key fails alone.
 */
export class Coalescer<K, V> {
  private pending: { key: K; resolve: (v: V | undefined) => void; reject: (err: unknown) => void }[] = [];
  private draining = false;

  constructor(
    private readonly run: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxBatch = 200,
  ) {}

  request(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      this.pending.push({ key, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          const answers = await this.run(batch.map((b) => b.key));
          for (const b of batch) b.resolve(answers.get(b.key));
        } catch (err) {
          if (batch.length === 1) {
            batch[0]!.reject(err);
            continue;
          }
          for (const b of batch) {
            try {
              b.resolve((await this.run([b.key])).get(b.key));
            } catch (one) {
              b.reject(one);
            }
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
