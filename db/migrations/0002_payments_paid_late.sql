ALTER TABLE "payments" ADD COLUMN "paid_late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "payments" p SET "paid_late" = true FROM "invoices" i WHERE i."id" = p."invoice_id" AND i."workspace_id" = p."workspace_id" AND p."paid_on" > i."due_on";--> statement-breakpoint
CREATE INDEX "payments_late" ON "payments" USING btree ("workspace_id","invoice_id") WHERE "payments"."paid_late";
