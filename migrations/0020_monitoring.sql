-- Monitoring ingestion: sources with their cursors and health, one normalised record per mention
-- (unique on platform and external id) with every superseded version kept, near-duplicate
-- clusters, and the matches of watches to mentions (the watches themselves come in 0021).

-- A place mentions come from: the Sandbox feed, an RSS/Atom feed, a signed webhook, a file import,
-- or the monitoring side of a platform connector. Settings that hold secrets (webhook keys) are
-- keyring-encrypted in secret_enc and never returned by the API.
CREATE TABLE sources (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind          text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,31}$'),
  name          text NOT NULL,
  -- The units the source concerns; its mentions carry them (with the geotag's district) for scoping.
  unit_ids      text[] NOT NULL DEFAULT '{}',
  config        jsonb NOT NULL DEFAULT '{}'::jsonb,
  secret_enc    text,
  -- Seconds between polls for pulled sources; null for pushed ones (webhook, import).
  poll_seconds  integer CHECK (poll_seconds IS NULL OR poll_seconds > 0),
  enabled       boolean NOT NULL DEFAULT true,
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sources_kind_name_idx ON sources (kind, lower(name));

-- Where a source stopped: written only after the mentions before it are committed, so a restart
-- resumes there and at worst fetches again what the unique key then ignores.
CREATE TABLE source_cursors (
  source_id   uuid PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  cursor      text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE source_health (
  source_id             uuid PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  last_run_at           timestamptz,
  last_success_at       timestamptz,
  last_error_at         timestamptz,
  last_error            text,
  consecutive_failures  integer NOT NULL DEFAULT 0,
  -- Newest item's platform time at the last success, and how far behind now it was.
  last_item_at          timestamptz,
  lag_seconds           double precision,
  items_total           bigint NOT NULL DEFAULT 0,
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- A group of near-duplicate mentions (the same text forwarded with small edits, or in another
-- script after normalisation). `key` is the SimHash of the first member; `bands` are its four
-- 16-bit bands tagged by position (band << 16 | value), so any key within three bits of it shares
-- at least one band and is found through the GIN index.
CREATE TABLE clusters (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key               text NOT NULL UNIQUE CHECK (key ~ '^[0-9a-f]{16}$'),
  bands             integer[] NOT NULL,
  size              integer NOT NULL DEFAULT 0 CHECK (size >= 0),
  first_mention_id  bigint,
  first_seen_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clusters_bands_idx ON clusters USING gin (bands);
CREATE INDEX clusters_size_idx ON clusters (size DESC, last_seen_at DESC);

-- One record per item a platform published. Text is stored raw (never HTML); the raw payload is
-- kept as evidence. The row holds the latest version; earlier ones are in mention_versions.
CREATE TABLE mentions (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform              text NOT NULL CHECK (platform ~ '^[a-z][a-z0-9_]{0,31}$'),
  external_id           text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 512),
  source_id             uuid REFERENCES sources (id) ON DELETE SET NULL,
  url                   text,
  author_handle         text,
  author_name           text,
  author_external_id    text,
  -- Set when the author fields were replaced by a pseudonym (a unit-level privacy setting).
  author_pseudonymised  boolean NOT NULL DEFAULT false,
  text                  text NOT NULL,
  -- normalize(text): folded script, placeholders for links and handles; what search and matching read.
  normalized            text NOT NULL DEFAULT '',
  lang                  text,
  -- Platform ids of the item this one replies to, quotes or shares.
  reply_to              text,
  quote_of              text,
  share_of              text,
  media                 jsonb NOT NULL DEFAULT '[]'::jsonb,
  engagement            jsonb NOT NULL DEFAULT '{}'::jsonb,
  raw                   jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- SHA-256 over text, media and deletion: a redelivered item with the same hash is a duplicate,
  -- a different one is an edit or a deletion and becomes a new version.
  content_hash          text NOT NULL,
  version               integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- Enrichment: classifier scores, the labels whose decision was positive, geotag.
  scores                jsonb,
  labels                text[] NOT NULL DEFAULT '{}',
  geo_district          text,
  geo_station           text,
  model                 text,
  cluster_key           text,
  cluster_id            bigint REFERENCES clusters (id) ON DELETE SET NULL,
  -- Units for scoping: the source's units and the geotagged district (watches may add theirs).
  unit_ids              text[] NOT NULL DEFAULT '{}',
  created_at            timestamptz NOT NULL,
  -- When the source first saw the item, and when it was stored.
  received_at           timestamptz NOT NULL DEFAULT now(),
  ingested_at           timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  deleted_at            timestamptz,
  -- Set by retention: the mention is removed after this time unless held.
  expires_at            timestamptz,
  UNIQUE (platform, external_id)
);
CREATE INDEX mentions_created_idx ON mentions (created_at DESC, id DESC);
CREATE INDEX mentions_ingested_idx ON mentions (ingested_at, id);
CREATE INDEX mentions_units_idx ON mentions USING gin (unit_ids);
CREATE INDEX mentions_labels_idx ON mentions USING gin (labels);
CREATE INDEX mentions_cluster_idx ON mentions (cluster_id, created_at) WHERE cluster_id IS NOT NULL;
CREATE INDEX mentions_source_idx ON mentions (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX mentions_expires_idx ON mentions (expires_at) WHERE expires_at IS NOT NULL;

ALTER TABLE clusters ADD CONSTRAINT clusters_first_mention_fk
  FOREIGN KEY (first_mention_id) REFERENCES mentions (id) ON DELETE SET NULL;

-- Every superseded version of a mention, never changed: version n was current from seen_at until
-- superseded_at, when the edit or deletion that made version n + 1 was seen.
CREATE TABLE mention_versions (
  mention_id     bigint NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
  version        integer NOT NULL CHECK (version >= 1),
  text           text NOT NULL,
  url            text,
  media          jsonb NOT NULL DEFAULT '[]'::jsonb,
  engagement     jsonb NOT NULL DEFAULT '{}'::jsonb,
  raw            jsonb NOT NULL DEFAULT '{}'::jsonb,
  content_hash   text NOT NULL,
  deleted        boolean NOT NULL DEFAULT false,
  seen_at        timestamptz NOT NULL,
  superseded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mention_id, version)
);
CREATE INDEX mention_versions_hash_idx ON mention_versions (mention_id, content_hash);

-- Which watches matched which mentions (written by the matching step after the mention commits).
-- The foreign key to watches is added with the watches table.
CREATE TABLE watch_matches (
  watch_id    uuid NOT NULL,
  mention_id  bigint NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
  matched_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (watch_id, mention_id)
);
CREATE INDEX watch_matches_mention_idx ON watch_matches (mention_id);
CREATE INDEX watch_matches_watch_time_idx ON watch_matches (watch_id, matched_at DESC);
