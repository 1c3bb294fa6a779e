-- Written by hand (no schema.prisma change): lets the API run as a role that owns nothing
-- (docs/security.md, "Database roles"; `npm start` does so on the embedded database).

-- Partition maintenance creates and attaches tables, which needs the owner of "DecisionLog": run it
-- with the rights of the function's owner (the role that applies migrations). The search path is
-- fixed, as for every SECURITY DEFINER function, so no caller's schema can shadow what it uses.
ALTER FUNCTION airlock_ensure_decision_partitions(date, integer)
  SECURITY DEFINER
  SET search_path = public, pg_temp;
-- Only roles granted EXECUTE may call it (the owner always can; the application role is granted it).
REVOKE EXECUTE ON FUNCTION airlock_ensure_decision_partitions(date, integer) FROM PUBLIC;

-- The audit log is append-only, and the migration history is the migrator's: no role but their
-- owner keeps UPDATE, DELETE or TRUNCATE on "AuditEvent" (nor INSERT on "_prisma_migrations"), even
-- if default privileges handed them out when the tables were created. (The audit triggers refuse
-- those statements anyway; this makes the refusal a permission error before any trigger runs.)
DO $$
DECLARE
  target record;
BEGIN
  FOR target IN
    SELECT DISTINCT c.relname, a.grantee, c.relname = '_prisma_migrations' AS history
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.relnamespace = 'public'::regnamespace
      AND c.relname IN ('AuditEvent', '_prisma_migrations')
      AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
      AND (c.relname = '_prisma_migrations' OR a.privilege_type <> 'INSERT')
      AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('REVOKE %s ON %I FROM %s',
      CASE WHEN target.history THEN 'INSERT, UPDATE, DELETE, TRUNCATE' ELSE 'UPDATE, DELETE, TRUNCATE' END,
      target.relname,
      CASE WHEN target.grantee = 0 THEN 'PUBLIC' ELSE quote_ident((SELECT rolname FROM pg_roles WHERE oid = target.grantee)) END);
  END LOOP;
END;
$$;
