ALTER TABLE "workspaces" ADD COLUMN "welcomed_at" timestamp with time zone;--> statement-breakpoint
-- Workspaces that already existed were set up before the welcome: none of them is sent it.
UPDATE "workspaces" SET "welcomed_at" = "created_at";
