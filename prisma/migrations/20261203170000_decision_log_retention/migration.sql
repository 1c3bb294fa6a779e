-- Written by hand (no schema.prisma change): decision log retention by whole monthly partitions.
-- Dropping a partition is instant and returns its space to the operating system at once, where a
-- DELETE of millions of rows would bloat the table, load the WAL and need a VACUUM afterwards.

-- Drops every monthly partition of "DecisionLog" whose month ended at or before `older_than`, and
-- deletes the rows older than `older_than` from the default partition (rows that arrived when their
-- month had no partition: few, so a DELETE is right there). Returns the partitions dropped.
-- Like airlock_ensure_decision_partitions it needs the owner of "DecisionLog", so it runs with the
-- owner's rights (SECURITY DEFINER, fixed search_path), callable only by roles granted EXECUTE.
CREATE OR REPLACE FUNCTION airlock_drop_decision_partitions(older_than timestamptz)
RETURNS text[] LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  part record;
  dropped text[] := ARRAY[]::text[];
BEGIN
  -- Dropping a partition locks "DecisionLog" for an instant: wait behind a writer's batch, but never
  -- queue the decision log writers behind a long wait (the next daily run tries again).
  PERFORM set_config('lock_timeout', '5s', true);
  FOR part IN
    SELECT c.relname
    FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE i.inhparent = '"DecisionLog"'::regclass
      AND n.nspname = 'airlock_partitions'
      AND c.relname ~ '^DecisionLog_[0-9]{4}_[0-9]{2}$'
      -- The partition's month ends at the first day of the next month.
      AND (to_date(substr(c.relname, 13), 'YYYY_MM') + interval '1 month') <= older_than
    ORDER BY c.relname
  LOOP
    EXECUTE format('DROP TABLE airlock_partitions.%I', part.relname);
    dropped := dropped || part.relname::text;
  END LOOP;
  DELETE FROM airlock_partitions."DecisionLog_default" WHERE "time" < older_than;
  RETURN dropped;
END;
$$;
REVOKE EXECUTE ON FUNCTION airlock_drop_decision_partitions(timestamptz) FROM PUBLIC;
