-- Search by spelling keys: full text over each word's key, fuzzy search over a dictionary of keys.
--
-- Each mention stores the search keys of its words (`search_keys`): the key of the query language
-- (दंगा, danga and dangaa are all "dnga"; पुलिस, police and pulis are "pulis"), or the lower-cased
-- word in a script that is not folded. The enrichment computes them, so the database indexes a
-- ready tsvector instead of parsing and lower-casing the text for every mention: with trigrams of
-- the whole text and `to_tsvector` of it, those two indexes were about three quarters of the
-- database's work for a stored mention (`chhavi bench ingest`, docs/ingestion.md). Search becomes
-- script-insensitive as well: a query in Devanagari finds romanised posts and the other way round.
ALTER TABLE mentions ADD COLUMN search_keys tsvector;
CREATE INDEX mentions_search_idx ON mentions USING gin (search_keys);
-- Mentions stored before this migration get their keys from the search-keys job (this index
-- holds only those, so the job finds them at once and costs nothing once they are done).
CREATE INDEX mentions_search_missing_idx ON mentions (id) WHERE search_keys IS NULL;

DROP INDEX mentions_fts_idx;
DROP INDEX mentions_trgm_idx;

-- Every search key seen, with trigrams: the spelling tolerance beyond the keys (a query word's
-- neighbours here, by trigram similarity, are searched with it). Words enter as mentions are
-- written; few are new once the stream has run a while. Retention removes words no mention has.
CREATE TABLE search_words (
  word text PRIMARY KEY
);
CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);
