-- A policy version records the directory (groups and data classes) as it was when published, so the
-- publish preview and the version diff show changes to them (issue #19). Versions published before
-- keep NULL; the latest version of each organization gets the directory as it is now, the baseline
-- the next publish preview compares with (the shape of policy-snapshot.ts groupFromRow and
-- dataClassFromRow: descriptions only when set, SSO groups sorted).

-- AlterTable
ALTER TABLE "PolicyVersion" ADD COLUMN "directory" JSONB;

UPDATE "PolicyVersion" v
SET "directory" = jsonb_build_object(
  'groups', COALESCE((
    SELECT jsonb_agg(
      jsonb_strip_nulls(jsonb_build_object('name', g."name", 'description', NULLIF(g."description", '')))
        || jsonb_build_object('ssoGroups', to_jsonb(ARRAY(SELECT x FROM unnest(g."ssoGroups") AS x ORDER BY x COLLATE "C")))
      ORDER BY g."name")
    FROM "Group" g WHERE g."organizationId" = v."organizationId"), '[]'::jsonb),
  'dataClasses', COALESCE((
    SELECT jsonb_agg(
      jsonb_strip_nulls(jsonb_build_object('key', c."key", 'name', c."name", 'description', NULLIF(c."description", '')))
        || jsonb_build_object('builtin', c."builtin")
      ORDER BY c."key")
    FROM "DataClass" c WHERE c."organizationId" = v."organizationId"), '[]'::jsonb)
)
WHERE v."number" = (SELECT max(l."number") FROM "PolicyVersion" l WHERE l."organizationId" = v."organizationId");
