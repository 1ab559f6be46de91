-- Text models known to this installation, with the evaluation report each was trained with.
-- Exactly one is active: the one every process's enricher uses.
CREATE TABLE nlp_models (
  version        text PRIMARY KEY,
  file_path      text NOT NULL,
  sha256         text NOT NULL,
  report         jsonb NOT NULL,
  registered_at  timestamptz NOT NULL DEFAULT now(),
  registered_by  text NOT NULL,
  active         boolean NOT NULL DEFAULT false,
  activated_at   timestamptz,
  activated_by   uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX nlp_models_one_active ON nlp_models (active) WHERE active;
