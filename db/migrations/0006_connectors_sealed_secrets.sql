CREATE TABLE "connections" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"source" text NOT NULL,
	"origin" text NOT NULL,
	"secrets" text,
	"account_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"backfilled_at" timestamp with time zone,
	"synced_until" timestamp with time zone,
	"last_sync_at" timestamp with time zone,
	"last_sync_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"next_sync_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sync_attempts" integer DEFAULT 0 NOT NULL,
	"failing_since" timestamp with time zone,
	"last_error" text,
	"claimed_by" text,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "source_objects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "source_objects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" integer NOT NULL,
	"connection_id" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"parent_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"client_id" integer,
	"linked_by" text,
	"invoice_id" integer,
	"problem" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "installations" ADD COLUMN "sealed" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_objects" ADD CONSTRAINT "source_objects_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_objects" ADD CONSTRAINT "source_objects_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_objects" ADD CONSTRAINT "source_objects_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_objects" ADD CONSTRAINT "source_objects_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connections_workspace_source" ON "connections" USING btree ("workspace_id","source");--> statement-breakpoint
CREATE INDEX "connections_due" ON "connections" USING btree ("next_sync_at");--> statement-breakpoint
CREATE UNIQUE INDEX "source_objects_key" ON "source_objects" USING btree ("connection_id","kind","external_id");--> statement-breakpoint
CREATE INDEX "source_objects_parent" ON "source_objects" USING btree ("connection_id","kind","parent_id");--> statement-breakpoint
CREATE INDEX "source_objects_waiting" ON "source_objects" USING btree ("workspace_id") WHERE "source_objects"."kind" = 'invoice' and "source_objects"."invoice_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_source_external" ON "invoices" USING btree ("workspace_id","source","external_id") WHERE "invoices"."source" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_source_external" ON "payments" USING btree ("workspace_id","source","external_id") WHERE "payments"."source" is not null;