import type { Queryable } from '../../db/database.js';
import { addWords } from './search-repository.js';

/**
 * Words this process has put in a database's dictionary (or found there), so that a batch sends
 * only words it has not seen: after a while nearly none. Forgotten when full and every hour, so a
 * word that retention removed while a mention with it was on its way comes back soon; the words
 * sent again are already there and cost a lookup each.
 */
const KNOWN_MAX = 200_000;
const KNOWN_MS = 3_600_000;
const known = new WeakMap<object, { words: Set<string>; since: number }>();

/** Adds the batch's new search keys (`words`, each once) to the dictionary of `db`. */
export async function rememberWords(db: Queryable, words: Iterable<string>): Promise<void> {
  let mine = known.get(db);
  if (mine === undefined || Date.now() - mine.since > KNOWN_MS) {
    mine = { words: new Set(), since: Date.now() };
    known.set(db, mine);
  }
  const fresh: string[] = [];
  for (const w of words) if (!mine.words.has(w)) fresh.push(w);
  if (fresh.length === 0) return;
  await addWords(db, fresh);
  if (mine.words.size + fresh.length > KNOWN_MAX) mine.words.clear();
  for (const w of fresh) mine.words.add(w);
}
