-- Written by hand (no schema.prisma change): the hourly rollups the dashboard reads are merged into
-- one row per UTC day once their day is older than the cut-off the caller gives (the daily upkeep
-- gives the start of the day before yesterday, UTC). A large organization has a row per hour for
-- almost every service, action and effect (about 500 rows an hour): a year of them is 4 million
-- rows for the dashboard to sum, where a row per day is 180,000. The day's row is the hour that
-- starts at midnight UTC, so the table keeps its shape and every reader its query; a late decision
-- for an old hour (a buffered log written after an outage, an extension's report) makes an hourly
-- row again, which the next run merges in.
CREATE OR REPLACE FUNCTION airlock_merge_decision_rollups_by_day(older_than timestamptz)
RETURNS bigint LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  cutoff timestamptz := date_trunc('day', older_than AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  merged bigint := 0;
  n bigint;
BEGIN
  -- Each statement moves the hours that are not midnight into the midnight row of their day; the
  -- rows it deletes and the rows it inserts or updates are distinct, as one statement requires.
  WITH moved AS (
    DELETE FROM "DecisionRollup"
    WHERE "bucket" < cutoff AND "bucket" <> date_trunc('day', "bucket" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    RETURNING *
  )
  INSERT INTO "DecisionRollup" ("organizationId", "bucket", "providerSlug", "action", "effect", "count")
  SELECT "organizationId", date_trunc('day', "bucket" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "providerSlug", "action", "effect", sum("count")::int
  FROM moved GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ("organizationId", "bucket", "providerSlug", "action", "effect")
  DO UPDATE SET "count" = "DecisionRollup"."count" + EXCLUDED."count";
  GET DIAGNOSTICS n = ROW_COUNT;
  merged := merged + n;

  WITH moved AS (
    DELETE FROM "DecisionClassRollup"
    WHERE "bucket" < cutoff AND "bucket" <> date_trunc('day', "bucket" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    RETURNING *
  )
  INSERT INTO "DecisionClassRollup" ("organizationId", "bucket", "dataClass", "effect", "count")
  SELECT "organizationId", date_trunc('day', "bucket" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "dataClass", "effect", sum("count")::int
  FROM moved GROUP BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "bucket", "dataClass", "effect")
  DO UPDATE SET "count" = "DecisionClassRollup"."count" + EXCLUDED."count";
  GET DIAGNOSTICS n = ROW_COUNT;
  merged := merged + n;

  WITH moved AS (
    DELETE FROM "DecisionOverrideRollup"
    WHERE "bucket" < cutoff AND "bucket" <> date_trunc('day', "bucket" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    RETURNING *
  )
  INSERT INTO "DecisionOverrideRollup" ("organizationId", "bucket", "providerSlug", "subjectGroup", "warned", "overridden")
  SELECT "organizationId", date_trunc('day', "bucket" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "providerSlug", "subjectGroup", sum("warned")::int, sum("overridden")::int
  FROM moved GROUP BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "bucket", "providerSlug", "subjectGroup")
  DO UPDATE SET "warned" = "DecisionOverrideRollup"."warned" + EXCLUDED."warned",
                "overridden" = "DecisionOverrideRollup"."overridden" + EXCLUDED."overridden";
  GET DIAGNOSTICS n = ROW_COUNT;
  merged := merged + n;
  RETURN merged;
END;
$$;
