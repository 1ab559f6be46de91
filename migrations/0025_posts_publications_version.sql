-- The version of a post that its publications were made for. The scheduler's sweep looks for
-- approved posts whose current version has none yet; asking each approved post within the horizon
-- whether publications exist cost one lookup per post on every sweep (10,000 posts falling due
-- within two minutes: a tenth of a second a sweep on the embedded database). With the version on
-- the post, the sweep reads the posts still to schedule from their own index.
ALTER TABLE posts ADD COLUMN publications_version integer;

UPDATE posts p SET publications_version = pb.version
  FROM (SELECT post_id, max(post_version) AS version FROM publications GROUP BY post_id) pb
 WHERE pb.post_id = p.id;

CREATE INDEX posts_unscheduled_idx ON posts (scheduled_at)
  WHERE status = 'approved' AND publications_version IS DISTINCT FROM version;
