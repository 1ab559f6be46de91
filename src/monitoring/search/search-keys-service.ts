import type { Database } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import { searchWords, textKeys } from '../mentions/text-keys.js';
import { addWords, mentionsWithoutKeys, pruneWords, setSearchKeys } from './search-repository.js';

const BACKFILL_BATCH = 1000;
const PRUNE_BATCH = 1000;

/** Upkeep of search: keys for mentions stored before they existed, and the dictionary's unused words. */
export class SearchKeysService {
  constructor(
    private readonly db: Database,
    private readonly logger?: Logger,
  ) {}

  /** Gives every mention without search keys its keys, a batch at a time; returns how many. */
  async backfill(): Promise<number> {
    let done = 0;
    for (;;) {
      const rows = await mentionsWithoutKeys(this.db, BACKFILL_BATCH);
      if (rows.length === 0) break;
      const keyed = rows.map((r) => ({ id: r.id, searchKeys: textKeys(r.normalized).searchKeys }));
      await setSearchKeys(this.db, keyed);
      await addWords(this.db, searchWords(keyed.map((k) => k.searchKeys)));
      done += rows.length;
    }
    if (done > 0) this.logger?.info({ mentions: done }, 'search: keys given to mentions stored before them');
    return done;
  }

  /** Removes the dictionary's words that no stored mention has (after retention); returns how many. */
  async prune(): Promise<number> {
    let removed = 0;
    let after = '';
    for (;;) {
      const page = await pruneWords(this.db, PRUNE_BATCH, after);
      removed += page.removed;
      if (page.last === null) return removed;
      after = page.last;
    }
  }
}
