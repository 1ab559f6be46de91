-- Runs of the audit chain verifier: nightly by the scheduler and on demand, done by a worker.
CREATE TABLE audit_verifications (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  requested_by  uuid REFERENCES users (id),
  requested_at  timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  ok            boolean,
  entries       integer,
  broken_at     bigint,
  reason        text
);
CREATE INDEX audit_verifications_requested_idx ON audit_verifications (requested_at DESC);
