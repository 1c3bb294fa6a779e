-- AlterTable
ALTER TABLE "ApiClient" ADD COLUMN     "mayAssertAnyZone" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "mayAssertGroups" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "mayAssertIp" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "mayAssertZones" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- The decision API keeps every organization's directory (users and their groups) in memory. Any
-- change that can alter who is in which group, whoever makes it (the console, SSO sign-in, a
-- future SCIM endpoint, a script), notifies every instance, which reloads that organization.
CREATE FUNCTION "airlock_notify_directory"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('airlock_directory', NEW."organizationId"::text);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('airlock_directory', OLD."organizationId"::text);
  ELSIF NEW."groups" IS DISTINCT FROM OLD."groups" OR NEW."email" IS DISTINCT FROM OLD."email"
     OR NEW."disabled" IS DISTINCT FROM OLD."disabled" OR NEW."organizationId" IS DISTINCT FROM OLD."organizationId" THEN
    PERFORM pg_notify('airlock_directory', NEW."organizationId"::text);
    IF NEW."organizationId" IS DISTINCT FROM OLD."organizationId" THEN
      PERFORM pg_notify('airlock_directory', OLD."organizationId"::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "User_directory_notify"
  AFTER INSERT OR DELETE OR UPDATE OF "groups", "email", "disabled", "organizationId" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "airlock_notify_directory"();
