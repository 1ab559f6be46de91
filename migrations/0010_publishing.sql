-- Publishing: social accounts with their approval chains, posts with one variant per account,
-- approval decisions, the content-addressed media library, bilingual templates, and the Sandbox
-- platform's own storage (a simulated network that Chhavi serves under /sandbox/v1).

CREATE TABLE social_accounts (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id          text NOT NULL REFERENCES units (id),
  platform         text NOT NULL CHECK (platform IN ('x', 'facebook', 'youtube', 'bluesky', 'mastodon', 'sandbox')),
  handle           text NOT NULL,
  display_name     text NOT NULL,
  -- Keyring-encrypted JSON of the platform credentials; never returned by the API.
  credentials_enc  text,
  -- Ordered roles that approve a post to this account, one step each.
  approval_chain   text[] NOT NULL DEFAULT '{district_officer,sb_supervisor}',
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX social_accounts_platform_handle_idx ON social_accounts (platform, lower(handle));
CREATE INDEX social_accounts_unit_idx ON social_accounts (unit_id);

CREATE TABLE media (
  sha256       text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime         text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4')),
  bytes        bigint NOT NULL CHECK (bytes > 0),
  width        integer,
  height       integer,
  duration     real,
  alt_en       text NOT NULL DEFAULT '',
  alt_hi       text NOT NULL DEFAULT '',
  uploaded_by  uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_created_idx ON media (created_at DESC);
CREATE INDEX media_alt_trgm_idx ON media USING gin ((alt_en || ' ' || alt_hi) gin_trgm_ops);

CREATE TABLE templates (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name_en       text NOT NULL,
  name_hi       text NOT NULL,
  category      text NOT NULL,
  text_en       text NOT NULL DEFAULT '',
  text_hi       text NOT NULL DEFAULT '',
  hashtags      text[] NOT NULL DEFAULT '{}',
  media_ids     text[] NOT NULL DEFAULT '{}',
  -- The placeholders the texts use (`unit_name`, `helpline_112`, ...), derived from the texts.
  placeholders  text[] NOT NULL DEFAULT '{}',
  active        boolean NOT NULL DEFAULT true,
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX templates_category_idx ON templates (category);

CREATE TABLE posts (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id        text NOT NULL REFERENCES units (id),
  author_id      uuid NOT NULL REFERENCES users (id),
  campaign       text,
  template_id    uuid REFERENCES templates (id),
  -- draft → in_review → approved (or changes_requested / rejected / cancelled); delivery sets
  -- published, partially_published and failed.
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN (
                   'draft', 'in_review', 'changes_requested', 'rejected', 'approved', 'cancelled',
                   'published', 'partially_published', 'failed')),
  -- Bumped by every edit; approvals are recorded against one version.
  version        integer NOT NULL DEFAULT 1,
  -- Index into the approval chain of the step that waits (while in_review).
  approval_step  integer NOT NULL DEFAULT 0,
  scheduled_at   timestamptz,
  time_zone      text NOT NULL DEFAULT 'Asia/Kolkata',
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX posts_unit_status_idx ON posts (unit_id, status);
CREATE INDEX posts_due_idx ON posts (scheduled_at) WHERE status = 'approved';
CREATE INDEX posts_author_idx ON posts (author_id);
CREATE INDEX posts_campaign_idx ON posts (campaign) WHERE campaign IS NOT NULL;
CREATE INDEX posts_template_idx ON posts (template_id) WHERE template_id IS NOT NULL;

CREATE TABLE post_variants (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  post_id     uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  account_id  uuid NOT NULL REFERENCES social_accounts (id),
  position    integer NOT NULL DEFAULT 0,
  text        text NOT NULL DEFAULT '',
  link        text,
  hashtags    text[] NOT NULL DEFAULT '{}',
  media_ids   text[] NOT NULL DEFAULT '{}',
  title       text,
  UNIQUE (post_id, account_id)
);
CREATE INDEX post_variants_account_idx ON post_variants (account_id);

CREATE TABLE post_approvals (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  post_id       uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  post_version  integer NOT NULL,
  step          integer NOT NULL,
  role          text NOT NULL,
  actor_id      uuid NOT NULL REFERENCES users (id),
  decision      text NOT NULL CHECK (decision IN ('approved', 'rejected', 'changes_requested')),
  comment       text,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX post_approvals_post_idx ON post_approvals (post_id, at);

-- The Sandbox platform's own storage. Chhavi reaches it only over HTTP through the Sandbox
-- connector, as it would reach any other platform.
CREATE TABLE sandbox_accounts (
  handle        text PRIMARY KEY,
  display_name  text NOT NULL,
  token_hash    text NOT NULL UNIQUE,   -- SHA-256 of the bearer token
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sandbox_posts (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_handle   text NOT NULL REFERENCES sandbox_accounts (handle),
  text             text NOT NULL,
  link             text,
  title            text,
  media            jsonb NOT NULL DEFAULT '[]'::jsonb,
  idempotency_key  text UNIQUE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  deleted_at       timestamptz,
  likes            integer NOT NULL DEFAULT 0,
  shares           integer NOT NULL DEFAULT 0,
  views            integer NOT NULL DEFAULT 0
);
CREATE INDEX sandbox_posts_account_idx ON sandbox_posts (account_handle, id);
CREATE INDEX sandbox_posts_feed_idx ON sandbox_posts (id) WHERE deleted_at IS NULL;

CREATE TABLE sandbox_comments (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  post_id       bigint NOT NULL REFERENCES sandbox_posts (id),
  author        text NOT NULL,
  text          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_comments_post_idx ON sandbox_comments (post_id, id);

CREATE TABLE sandbox_likes (
  post_id     bigint NOT NULL REFERENCES sandbox_posts (id),
  liker       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, liker)
);

-- Fault injection for tests and drills: the next `remaining` calls of an account (or of every
-- account when account_handle is null) answer with the fault instead of normally.
CREATE TABLE sandbox_faults (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_handle  text,
  mode            text NOT NULL CHECK (mode IN ('rate_limited', 'unauthorized', 'server_error', 'reject', 'drop_after_accept', 'delay')),
  remaining       integer NOT NULL CHECK (remaining >= 0),
  reset_seconds   integer NOT NULL DEFAULT 60,
  delay_ms        integer NOT NULL DEFAULT 0,
  -- Which calls the fault hits ('publish', 'lookup', 'delete', 'metrics', 'comments'); null: all.
  operations      text[],
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_faults_account_idx ON sandbox_faults (account_handle) WHERE remaining > 0;
