CREATE TABLE "client_channels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "client_channels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" integer NOT NULL,
	"client_id" integer NOT NULL,
	"channel_id" text NOT NULL,
	"channel_name" text NOT NULL,
	"linked_by" text NOT NULL,
	"linked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" integer NOT NULL,
	"incident_id" integer,
	"captured_by" text NOT NULL,
	"platform" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_id" text NOT NULL,
	"text" text NOT NULL,
	"author_id" text,
	"author_name" text,
	"posted_at" timestamp with time zone NOT NULL,
	"link" text,
	"files" integer DEFAULT 0 NOT NULL,
	"captured_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_channels" ADD CONSTRAINT "client_channels_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_channels" ADD CONSTRAINT "client_channels_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "client_channels_workspace_channel" ON "client_channels" USING btree ("workspace_id","channel_id");--> statement-breakpoint
CREATE INDEX "client_channels_client" ON "client_channels" USING btree ("workspace_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_incident" ON "evidence" USING btree ("incident_id");