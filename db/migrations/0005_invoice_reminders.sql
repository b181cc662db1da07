CREATE TABLE "invoice_reminders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invoice_reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" integer NOT NULL,
	"invoice_id" integer NOT NULL,
	"stage" integer NOT NULL,
	"kind" text NOT NULL,
	"sent_on" date NOT NULL,
	"channel" text,
	"recorded_by" text NOT NULL,
	"confirmed_later" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invoice_reminders" ADD CONSTRAINT "invoice_reminders_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_reminders" ADD CONSTRAINT "invoice_reminders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_reminders_stage" ON "invoice_reminders" USING btree ("workspace_id","invoice_id","kind");--> statement-breakpoint
-- Reminders recorded before this table existed: each stage the audit log says someone
-- recorded as sent, on the day (in the workspace's time zone) it was recorded. Stages the old
-- planner skipped were never sent, so they get no row.
INSERT INTO "invoice_reminders" ("workspace_id", "invoice_id", "stage", "kind", "sent_on", "recorded_by", "recorded_at")
SELECT DISTINCT ON (a."workspace_id", i."id", a."details"->>'kind')
  a."workspace_id", i."id", (a."details"->>'stage')::int, a."details"->>'kind',
  (a."at" AT TIME ZONE (CASE WHEN EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = w."timezone") THEN w."timezone" ELSE 'UTC' END))::date,
  a."actor_id", a."at"
FROM "audit_log" a
JOIN "invoices" i ON i."id"::text = a."subject_id" AND i."workspace_id" = a."workspace_id"
JOIN "workspaces" w ON w."id" = a."workspace_id"
WHERE a."action" = 'invoice.reminded' AND a."subject_type" = 'invoice'
  AND a."details"->>'kind' IN ('first', 'second', 'final', 'suspension')
  AND a."details"->>'stage' ~ '^[1-4]$'
  AND (a."details"->>'stage')::int <= i."reminded_stage"
ORDER BY a."workspace_id", i."id", a."details"->>'kind', a."at";--> statement-breakpoint
ALTER TABLE "invoices" DROP COLUMN "reminded_stage";