-- When a failing source is polled again. A source that fails waits longer each time (its poll
-- interval doubled per failure in a row, at most an hour, or the interval when that is longer)
-- and never before the time its server asked for (`Retry-After` of a 429 or 503): a feed that is
-- down, gone or rate-limiting is not asked again every few seconds. A success clears it; so does
-- editing or switching on the source (the runner compares with the source's `updated_at`).
ALTER TABLE source_health ADD COLUMN retry_at timestamptz;
