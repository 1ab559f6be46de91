-- Analysts' judgements of a mention's labels: for one label of src/nlp/classify/labels.ts, the
-- value the analyst holds true (a boolean for a binary label, a class for aggression and
-- sentiment), next to the decision the model in use had stored on the mention and that model's
-- version. Rows are only ever appended: a changed mind is a new row, the latest per
-- (mention, label, analyst) is the analyst's judgement and the earlier ones stay as its history.
-- Training reads the mention's current text through mention_id; when retention removes the
-- mention, its judgements go with it (there is nothing left to learn from).
CREATE TABLE mention_labels (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mention_id   bigint NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
  label        text NOT NULL,
  -- 'true' / 'false' for a binary label, the class for a multi-class one.
  value        text NOT NULL,
  -- The model's decision shown with the mention when the analyst judged it (same encoding), and
  -- the model version that made it; null when the mention had not been classified.
  predicted    text,
  model        text,
  analyst_id   uuid NOT NULL REFERENCES users (id),
  labelled_at  timestamptz NOT NULL DEFAULT now(),
  note         text CHECK (note IS NULL OR length(note) <= 1000),
  CHECK (
    CASE label
      WHEN 'aggression' THEN value IN ('overt', 'covert', 'none') AND (predicted IS NULL OR predicted IN ('overt', 'covert', 'none'))
      WHEN 'sentiment' THEN value IN ('positive', 'negative', 'neutral') AND (predicted IS NULL OR predicted IN ('positive', 'negative', 'neutral'))
      ELSE label IN ('hostile', 'fake', 'hate', 'offensive', 'defamation', 'abusive', 'police_related', 'complaint', 'crime_report', 'praise')
           AND value IN ('true', 'false') AND (predicted IS NULL OR predicted IN ('true', 'false'))
    END
  )
);
-- The judgements of one mention, newest first per label and analyst.
CREATE INDEX mention_labels_mention_idx ON mention_labels (mention_id, label, analyst_id, id DESC);
