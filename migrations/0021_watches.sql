-- Purpose-bound watches (owner, written purpose, legal basis, units, expiry, retention), the holds
-- that keep a mention past its retention (cases fill them), the units' privacy settings, and the
-- full-text and trigram indexes of the stream's search.

CREATE TABLE watches (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name            text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  -- The query as written; it is compiled by the application (monitoring/query) on every load.
  query           text NOT NULL CHECK (length(btrim(query)) BETWEEN 1 AND 4000),
  owner_id        uuid NOT NULL REFERENCES users (id),
  purpose         text NOT NULL CHECK (length(btrim(purpose)) >= 10),
  legal_basis     text NOT NULL CHECK (length(btrim(legal_basis)) >= 3),
  -- The units the watch concerns: who may see and manage it, and the units its matches are scoped to.
  unit_ids        text[] NOT NULL CHECK (cardinality(unit_ids) >= 1),
  expires_at      timestamptz NOT NULL,
  retention_days  integer NOT NULL CHECK (retention_days BETWEEN 1 AND 3650),
  -- Paused by a person (an expired watch is expired by time, not by this flag).
  paused          boolean NOT NULL DEFAULT false,
  version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by      uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX watches_units_idx ON watches USING gin (unit_ids);
CREATE INDEX watches_expires_idx ON watches (expires_at);
CREATE INDEX watches_owner_idx ON watches (owner_id);

ALTER TABLE watch_matches ADD CONSTRAINT watch_matches_watch_fk
  FOREIGN KEY (watch_id) REFERENCES watches (id) ON DELETE CASCADE;

-- A mention held past its retention, with why (a case, an evidence preservation, a legal order).
-- Cases write here; retention deletes nothing that has a hold and pseudonymises no held author.
CREATE TABLE mention_holds (
  mention_id  bigint NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
  reason      text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mention_id, reason)
);

-- Per-unit privacy of monitoring: authors of the unit's mentions that are not held are replaced
-- by a pseudonym as they are ingested and by the nightly retention job.
CREATE TABLE monitoring_unit_settings (
  unit_id               text PRIMARY KEY REFERENCES units (id),
  pseudonymise_authors  boolean NOT NULL DEFAULT false,
  updated_by            uuid REFERENCES users (id),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- Search over the normalised text: the `simple` configuration (no stemming, no stop words, so
-- Devanagari and romanised Hindi words are kept whole) and trigrams for Hinglish spellings.
CREATE INDEX mentions_fts_idx ON mentions USING gin (to_tsvector('simple', normalized));
CREATE INDEX mentions_trgm_idx ON mentions USING gin (normalized gin_trgm_ops);
CREATE INDEX mentions_lang_idx ON mentions (lang, id DESC);
CREATE INDEX mentions_platform_idx ON mentions (platform, id DESC);
