-- Near-duplicate lookup by band through a B-tree instead of the GIN index on clusters.bands.
-- A batch looks up thousands of band values at once: `bands && $1` was either a scan comparing
-- every cluster's bands with every value (the planner's choice on a small table) or one GIN
-- probe per value through the index's pending list, both growing with the table. One row per
-- (band, cluster) answers `band = ANY($1)` with one B-tree descent per value. Without the GIN
-- index, the cluster row updates of every batch (size, last seen) no longer write GIN entries.
-- Clusters are never deleted (retention lowers their size), so the rows need no foreign key;
-- the lookup joins clusters, so a row without its cluster would find nothing.
CREATE TABLE cluster_bands (
  band        integer NOT NULL,
  cluster_id  bigint NOT NULL,
  PRIMARY KEY (band, cluster_id)
);
INSERT INTO cluster_bands (band, cluster_id)
SELECT DISTINCT b, c.id FROM clusters c, unnest(c.bands) AS b
ON CONFLICT DO NOTHING;
DROP INDEX clusters_bands_idx;
