CREATE TABLE "invoice_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invoice_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" integer NOT NULL,
	"invoice_id" integer NOT NULL,
	"kind" text NOT NULL,
	"on_day" date NOT NULL,
	"currency" text NOT NULL,
	"principal_minor" bigint DEFAULT 0 NOT NULL,
	"interest_minor" bigint DEFAULT 0 NOT NULL,
	"fee_minor" bigint DEFAULT 0 NOT NULL,
	"settled_minor" bigint DEFAULT 0 NOT NULL,
	"charges_minor" bigint DEFAULT 0 NOT NULL,
	"days_late" integer DEFAULT 0 NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invoice_history" ADD CONSTRAINT "invoice_history_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_history" ADD CONSTRAINT "invoice_history_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_history_invoice" ON "invoice_history" USING btree ("workspace_id","invoice_id");--> statement-breakpoint
-- Write-offs, waivers and voids recorded before this table existed, from the audit log, on
-- the day (in the workspace's time zone) they were recorded, with the amounts it kept. A
-- void's charges were not kept: none are claimed for it.
INSERT INTO "invoice_history" ("workspace_id", "invoice_id", "kind", "on_day", "currency", "principal_minor",
  "interest_minor", "fee_minor", "settled_minor", "charges_minor", "days_late", "details", "note", "recorded_by", "recorded_at")
SELECT x."workspace_id", x."invoice_id", x."kind", x."on_day", x."currency", x."principal_minor", x."interest_minor",
  x."fee_minor", x."settled_minor", x."charges_minor",
  COALESCE(x."days_late", GREATEST(0, x."on_day" - x."due_on")), jsonb_build_object('fromAudit', true), x."note",
  x."actor_id", x."at"
FROM (
  SELECT a."workspace_id", i."id" AS "invoice_id", i."due_on", a."actor_id", a."at",
    CASE a."action" WHEN 'invoice.written-off' THEN 'write-off' WHEN 'invoice.charges-waived' THEN 'waiver' ELSE 'void' END AS "kind",
    (a."at" AT TIME ZONE (CASE WHEN EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = w."timezone") THEN w."timezone" ELSE 'UTC' END))::date AS "on_day",
    i."currency",
    CASE a."action"
      WHEN 'invoice.written-off' THEN COALESCE((a."details"->>'principalMinor')::bigint, 0)
      WHEN 'invoice.voided' THEN i."amount_minor"
      ELSE 0 END AS "principal_minor",
    CASE WHEN a."action" = 'invoice.charges-waived' THEN COALESCE((a."details"->>'interestMinor')::bigint, 0) ELSE 0 END AS "interest_minor",
    CASE WHEN a."action" = 'invoice.charges-waived' THEN COALESCE((a."details"->>'feeMinor')::bigint, 0) ELSE 0 END AS "fee_minor",
    CASE WHEN a."action" = 'invoice.charges-waived' THEN COALESCE((a."details"->>'settledMinor')::bigint, 0) ELSE 0 END AS "settled_minor",
    CASE a."action"
      WHEN 'invoice.written-off' THEN COALESCE((a."details"->>'chargesMinor')::bigint, 0)
      WHEN 'invoice.charges-waived' THEN COALESCE((a."details"->>'waivedMinor')::bigint, 0)
      ELSE 0 END AS "charges_minor",
    CASE WHEN a."action" = 'invoice.charges-waived' THEN (a."details"->>'daysLate')::int END AS "days_late",
    a."details"->>'note' AS "note"
  FROM "audit_log" a
  JOIN "invoices" i ON i."id"::text = a."subject_id" AND i."workspace_id" = a."workspace_id"
  JOIN "workspaces" w ON w."id" = a."workspace_id"
  WHERE a."subject_type" = 'invoice' AND a."action" IN ('invoice.written-off', 'invoice.charges-waived', 'invoice.voided')
) x
ORDER BY x."at";
