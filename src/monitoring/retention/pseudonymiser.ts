import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/database.js';
import type { Keyring } from '../../secrets/keyring.js';
import { applyPseudonyms, authorsToPseudonymise, pseudonymisingUnits, pseudonymSalt } from './privacy-repository.js';

const UNITS_RELOAD_MS = 15_000;
const BATCH = 2000;

/**
 * Replaces the authors of mentions in units that ask for it by `anon-` and twelve hex digits: an
 * HMAC of the handle under a per-instance secret salt, so one author keeps one pseudonym (patterns
 * stay visible) and the name cannot be recovered without the key. Held mentions keep their author.
 */
export class Pseudonymiser {
  private salt: Buffer | null = null;
  private units: { list: string[]; at: number } | null = null;

  constructor(private readonly keyring: Keyring) {}

  /** Forget the cached unit settings (after a change in this process). */
  invalidate(): void {
    this.units = null;
  }

  async unitsToPseudonymise(q: Queryable): Promise<string[]> {
    if (!this.units || Date.now() - this.units.at > UNITS_RELOAD_MS) this.units = { list: await pseudonymisingUnits(q), at: Date.now() };
    return this.units.list;
  }

  pseudonym(salt: Buffer, value: string): string {
    return `anon-${createHmac('sha256', salt).update(value.replace(/^@/, '').toLowerCase()).digest('hex').slice(0, 12)}`;
  }

  private async key(q: Queryable): Promise<Buffer> {
    if (!this.salt) {
      const stored = await pseudonymSalt(q, () => this.keyring.encrypt(randomBytes(32).toString('base64')));
      this.salt = Buffer.from(this.keyring.decrypt(stored), 'base64');
    }
    return this.salt;
  }

  /** Pseudonymises the given mentions (or, with null, every eligible one); returns how many. */
  async run(q: Queryable, ids: readonly string[] | null): Promise<number> {
    const units = await this.unitsToPseudonymise(q);
    if (units.length === 0) return 0;
    let total = 0;
    for (;;) {
      const rows = await authorsToPseudonymise(q, units, ids, BATCH);
      if (rows.length === 0) return total;
      const salt = await this.key(q);
      total += await applyPseudonyms(
        q,
        rows.map((r) => ({ id: r.id, handle: r.handle === null ? null : this.pseudonym(salt, r.handle), externalId: r.externalId === null ? null : this.pseudonym(salt, r.externalId) })),
      );
      if (ids !== null || rows.length < BATCH) return total;
    }
  }
}
