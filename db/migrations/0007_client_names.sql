CREATE TABLE "client_names" (
	"workspace_id" integer NOT NULL,
	"name" text NOT NULL,
	"client_id" integer NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "client_names_workspace_name" PRIMARY KEY("workspace_id","name")
);
--> statement-breakpoint
ALTER TABLE "client_names" ADD CONSTRAINT "client_names_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_names" ADD CONSTRAINT "client_names_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_names_client" ON "client_names" USING btree ("client_id");--> statement-breakpoint
-- Names that were both a slug and an alias (two commands at once could leave one, issue #19
-- §5): the slug wins, as it always did when a name was looked up, and the alias, which no
-- lookup could reach, is dropped. The audit log says which, and whose slug took the name.
INSERT INTO "audit_log" ("workspace_id", "actor_id", "action", "subject_type", "subject_id", "details")
SELECT a."workspace_id", 'tact', 'client.alias_dropped', 'client', a."client_id"::text,
  jsonb_build_object('alias', a."alias", 'reason', 'the slug of a client', 'slugOf', c."id", 'slugOfName', c."display_name")
FROM "client_aliases" a
JOIN "clients" c ON c."workspace_id" = a."workspace_id" AND c."slug" = a."alias";--> statement-breakpoint
DELETE FROM "client_aliases" a USING "clients" c
WHERE c."workspace_id" = a."workspace_id" AND c."slug" = a."alias";--> statement-breakpoint
INSERT INTO "client_names" ("workspace_id", "name", "client_id", "kind")
SELECT "workspace_id", "slug", "id", 'slug' FROM "clients";--> statement-breakpoint
INSERT INTO "client_names" ("workspace_id", "name", "client_id", "kind")
SELECT "workspace_id", "alias", "client_id", 'alias' FROM "client_aliases";--> statement-breakpoint
-- From now on every slug and alias written takes its name here first: of two clients, or of a
-- slug and an alias, claiming one name at once, the second waits for the first and fails with
-- a unique violation on client_names_workspace_name (nothing of it is written).
CREATE FUNCTION "client_names_from_clients"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "client_names" ("workspace_id", "name", "client_id", "kind")
    VALUES (NEW."workspace_id", NEW."slug", NEW."id", 'slug');
  ELSIF NEW."slug" IS DISTINCT FROM OLD."slug" OR NEW."workspace_id" IS DISTINCT FROM OLD."workspace_id" THEN
    DELETE FROM "client_names" WHERE "client_id" = OLD."id" AND "kind" = 'slug';
    INSERT INTO "client_names" ("workspace_id", "name", "client_id", "kind")
    VALUES (NEW."workspace_id", NEW."slug", NEW."id", 'slug');
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "clients_claim_name" AFTER INSERT OR UPDATE OF "slug", "workspace_id" ON "clients"
FOR EACH ROW EXECUTE FUNCTION "client_names_from_clients"();--> statement-breakpoint
CREATE FUNCTION "client_names_from_aliases"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "client_names"
    WHERE "workspace_id" = OLD."workspace_id" AND "name" = OLD."alias" AND "client_id" = OLD."client_id" AND "kind" = 'alias';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "client_names" ("workspace_id", "name", "client_id", "kind")
    VALUES (NEW."workspace_id", NEW."alias", NEW."client_id", 'alias');
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "client_aliases_claim_name" AFTER INSERT OR UPDATE OR DELETE ON "client_aliases"
FOR EACH ROW EXECUTE FUNCTION "client_names_from_aliases"();
