-- Lessons written at step 8 of the wizard were stored as warning signs ('flag') and counted
-- toward risk; they are their own kind now (issue #14). A flag is a lesson when its wizard
-- recorded it: same client, written by the wizard's owner, its text among the wizard's lessons,
-- within a minute of them.
UPDATE "incidents" i SET "kind" = 'lesson'
FROM "offboardings" o
WHERE i."kind" = 'flag'
  AND o."workspace_id" = i."workspace_id"
  AND o."client_id" = i."client_id"
  AND i."reporter_id" = o."owner_user_id"
  AND jsonb_typeof(o."texts"->'lessons'->'lines') = 'array'
  AND o."texts"->'lessons'->'lines' @> jsonb_build_array(i."note")
  AND abs(extract(epoch from i."occurred_at" - (o."texts"->'lessons'->>'at')::timestamptz)) < 60;
