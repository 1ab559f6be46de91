-- Publishing delivery: one publication per post variant and version (the unit of exactly-once
-- delivery), its attempts, the metrics pulled after publishing, crisis pauses, and the notices
-- that tell people when a post needs them.

CREATE TABLE publications (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  post_id          uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  variant_id       uuid NOT NULL REFERENCES post_variants (id) ON DELETE CASCADE,
  account_id       uuid NOT NULL REFERENCES social_accounts (id),
  unit_id          text NOT NULL REFERENCES units (id),
  -- The post version this publication delivers: a publication of an older version never publishes.
  post_version     integer NOT NULL,
  -- `${postId}:${variantId}:${version}`; sent to the platform so a retry can never post twice.
  idempotency_key  text NOT NULL UNIQUE,
  state            text NOT NULL CHECK (state IN ('scheduled', 'publishing', 'published', 'failed', 'needs_verification', 'held', 'cancelled')),
  -- Why a publication is held, failed, cancelled or needs verification, in words for a person.
  state_reason     text,
  attempts         integer NOT NULL DEFAULT 0,
  due_at           timestamptz NOT NULL,
  next_attempt_at  timestamptz NOT NULL,
  -- While publishing: until when the worker that started the attempt owns it. Past this, the
  -- reconciler hands the publication to recovery.
  lease_until      timestamptz,
  -- When a job for this publication was last sent (the reconciler re-sends lost ones).
  enqueued_at      timestamptz,
  remote_id        text,
  remote_url       text,
  error_kind       text CHECK (error_kind IN ('auth_expired', 'rate_limited', 'rejected', 'transient', 'crash')),
  error_code       text,
  error_message    text,
  started_at       timestamptz,
  published_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX publications_post_idx ON publications (post_id);
CREATE INDEX publications_account_idx ON publications (account_id);
CREATE INDEX publications_unit_state_idx ON publications (unit_id, state);
CREATE INDEX publications_open_idx ON publications (state, next_attempt_at) WHERE state IN ('scheduled', 'publishing');

CREATE TABLE publication_attempts (
  publication_id  uuid NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  attempt         integer NOT NULL,
  mode            text NOT NULL CHECK (mode IN ('publish', 'recover')),
  started_at      timestamptz NOT NULL DEFAULT now(),
  ended_at        timestamptz,
  outcome         text CHECK (outcome IN ('published', 'found', 'retry', 'failed', 'needs_verification', 'timeout')),
  error_kind      text,
  error_code      text,
  error_message   text,
  PRIMARY KEY (publication_id, attempt)
);

CREATE TABLE publication_metrics (
  publication_id  uuid NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  collected_at    timestamptz NOT NULL,
  -- Which scheduled pull this was ('1h', '6h', '24h', '7d') or 'manual'.
  pull            text NOT NULL,
  likes           integer NOT NULL,
  shares          integer NOT NULL,
  comments        integer NOT NULL,
  views           integer,
  PRIMARY KEY (publication_id, collected_at)
);

CREATE TABLE publishing_pauses (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- null: force-wide.
  unit_id     text REFERENCES units (id),
  reason      text NOT NULL,
  started_by  uuid NOT NULL REFERENCES users (id),
  started_at  timestamptz NOT NULL DEFAULT now(),
  ended_by    uuid REFERENCES users (id),
  ended_at    timestamptz
);
CREATE INDEX publishing_pauses_active_idx ON publishing_pauses (unit_id) WHERE ended_at IS NULL;

-- What a person must know about a post: due but not approved, held by a pause, failed, expired
-- platform sign-in, needs verification. One notice per kind and post (and publication).
CREATE TABLE publishing_notices (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            text NOT NULL CHECK (kind IN ('due_not_approved', 'held', 'failed', 'auth_expired', 'needs_verification')),
  post_id         uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  publication_id  uuid REFERENCES publications (id) ON DELETE CASCADE,
  unit_id         text NOT NULL REFERENCES units (id),
  recipient_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  message         text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  read_at         timestamptz
);
CREATE UNIQUE INDEX publishing_notices_once_idx ON publishing_notices (kind, post_id, COALESCE(publication_id, '00000000-0000-0000-0000-000000000000'::uuid), recipient_id);
CREATE INDEX publishing_notices_recipient_idx ON publishing_notices (recipient_id, created_at DESC);
