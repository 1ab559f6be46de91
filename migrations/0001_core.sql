-- Core schema: units and stations, users and their scope, sessions, API tokens, login throttling,
-- the hash-chained audit log and instance settings.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE units (
  id          text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('district', 'special', 'range', 'other')),
  name_en     text NOT NULL,
  name_hi     text NOT NULL,
  parent_id   text REFERENCES units (id),
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stations (
  id          text PRIMARY KEY,
  unit_id     text NOT NULL REFERENCES units (id),
  name_en     text NOT NULL,
  name_hi     text NOT NULL,
  aliases     text[] NOT NULL DEFAULT '{}',
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stations_unit_idx ON stations (unit_id);

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username             text NOT NULL,
  display_name         text NOT NULL,
  role                 text NOT NULL CHECK (role IN ('admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor')),
  all_units            boolean NOT NULL DEFAULT false,
  password_hash        text NOT NULL,
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  must_change_password boolean NOT NULL DEFAULT false,
  totp_secret_enc      text,
  totp_enabled         boolean NOT NULL DEFAULT false,
  totp_last_step       bigint,
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  disabled             boolean NOT NULL DEFAULT false,
  locale               text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'hi')),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_idx ON users (lower(username));

-- The units a scoped user may see and touch. Roles that are force-wide ignore this table.
CREATE TABLE user_units (
  user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  unit_id  text NOT NULL REFERENCES units (id),
  PRIMARY KEY (user_id, unit_id)
);
CREATE INDEX user_units_unit_idx ON user_units (unit_id);

CREATE TABLE sessions (
  id             text PRIMARY KEY,            -- SHA-256 of the cookie value, never the value itself
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token     text NOT NULL,
  second_factor_pending boolean NOT NULL DEFAULT false,
  ip             text,
  user_agent     text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,          -- SHA-256 of the secret part
  prefix        text NOT NULL,                 -- first characters, to tell tokens apart in lists
  scopes        text[] NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  expires_at    timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Failed-login counters per client address, shared by every web process.
CREATE TABLE login_throttle (
  key           text PRIMARY KEY,
  failures      integer NOT NULL,
  window_start  timestamptz NOT NULL
);

-- Append-only and hash-chained: each row's hash covers its content and the previous row's hash.
CREATE TABLE audit_log (
  id           bigint PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_label  text NOT NULL,
  action       text NOT NULL,
  target_type  text,
  target_id    text,
  unit_id      text,
  ip           text,
  details      jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL UNIQUE
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id);
CREATE INDEX audit_log_action_idx ON audit_log (action);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);

CREATE FUNCTION audit_log_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_forbid_change();

CREATE TABLE settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
