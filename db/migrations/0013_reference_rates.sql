CREATE TABLE "reference_rates" (
	"series" text NOT NULL,
	"on" date NOT NULL,
	"rate_e4" integer NOT NULL,
	"observed_on" date NOT NULL,
	"source" text NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reference_rates_series_on_pk" PRIMARY KEY("series","on")
);
