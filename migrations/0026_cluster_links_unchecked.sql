-- Less work for the database on every stored mention (measured with `chhavi bench ingest`).
--
-- The links between mentions and their near-duplicate clusters are kept by the code that writes
-- them, not by foreign keys. Each checked link cost a row lock per mention at ingest: inserting a
-- mention locked its cluster's row (FOR KEY SHARE, through the foreign key's trigger) and setting a
-- cluster's first mention locked that mention's row. Clusters are never deleted (retention lowers
-- their size), so `mentions.cluster_id` always names a cluster; retention clears
-- `clusters.first_mention_id` when it deletes that mention (what ON DELETE SET NULL did).
ALTER TABLE mentions DROP CONSTRAINT mentions_cluster_id_fkey;
ALTER TABLE clusters DROP CONSTRAINT clusters_first_mention_fk;

-- No query reads mentions by ingest time (retention reads `expires_at`, lists read `id` and
-- `created_at`), and none orders clusters by size: two indexes written for every mention and
-- every cluster update, read by nothing.
DROP INDEX mentions_ingested_idx;
DROP INDEX clusters_size_idx;

-- Every batch updates its clusters' size and last-seen time. With no index on those columns and
-- room left on each page, the update is a heap-only tuple: no index entries at all.
ALTER TABLE clusters SET (fillfactor = 70);
