-- Less work for the database on every matched mention (measured with `chhavi bench ingest`).
--
-- A watch's matches are kept by the code that writes them, not by foreign keys. Each checked match
-- cost two row locks at ingest (FOR KEY SHARE through the keys' triggers): one on the mention,
-- written in the same transaction, which marked its new row again, and one on the watch, which
-- every worker process matching that watch took at once. A match is written in the transaction
-- that writes its mention, for a watch read as active in that transaction, so both exist.
-- Watches are never deleted (they end and are kept for the audit), and retention deletes a
-- mention's matches in the statement that deletes the mention (what ON DELETE CASCADE did).
ALTER TABLE watch_matches DROP CONSTRAINT watch_matches_mention_id_fkey;
ALTER TABLE watch_matches DROP CONSTRAINT watch_matches_watch_fk;
