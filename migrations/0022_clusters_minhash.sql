-- Near-duplicate clusters are keyed by a MinHash signature over the words' spelling keys
-- (16 values, 128 hex digits) rather than a 64-bit SimHash: a forwarded rumour with a few words
-- added, or its romanised copy, stays within reach of the banded lookup (see monitoring/dedupe).
-- `bands` holds the signature's eight band hashes.
ALTER TABLE clusters DROP CONSTRAINT clusters_key_check;
ALTER TABLE clusters ADD CONSTRAINT clusters_key_check CHECK (key ~ '^[0-9a-f]+$' AND length(key) BETWEEN 16 AND 256);
