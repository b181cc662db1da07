ALTER TABLE "payments" ADD COLUMN "reversed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "reversed_by" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_undone_once" ON "audit_log" USING btree ("workspace_id","subject_id") WHERE "audit_log"."action" = 'action.undone';