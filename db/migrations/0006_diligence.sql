CREATE TYPE "public"."organisation_person_role" AS ENUM('director', 'board_member', 'authorised_officer');--> statement-breakpoint
CREATE TYPE "public"."risk_flag_level" AS ENUM('observation', 'yellow', 'red');--> statement-breakpoint
CREATE TYPE "public"."sanctions_entry_kind" AS ENUM('individual', 'entity');--> statement-breakpoint
CREATE TYPE "public"."screening_hit_status" AS ENUM('open', 'cleared', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."screening_subject" AS ENUM('organisation', 'person');--> statement-breakpoint
CREATE TABLE "organisation_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"level" "risk_flag_level" NOT NULL,
	"comment" text NOT NULL,
	"raised_by" uuid,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_reason" text,
	CONSTRAINT "organisation_flags_comment" CHECK (length(trim("organisation_flags"."comment")) > 0),
	CONSTRAINT "organisation_flags_lifted" CHECK (("organisation_flags"."lifted_at" is null) = ("organisation_flags"."lift_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "organisation_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_original_script" text,
	"nationality" text,
	"date_of_birth" date,
	"role" "organisation_person_role" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_people_name" CHECK (length(trim("organisation_people"."name")) > 0),
	CONSTRAINT "organisation_people_nationality" CHECK ("organisation_people"."nationality" is null or "organisation_people"."nationality" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "sanctions_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"kind" "sanctions_entry_kind" NOT NULL,
	"data_id" text NOT NULL,
	"reference_number" text,
	"primary_name" text NOT NULL,
	"names" jsonb NOT NULL,
	"listed_on" date,
	"nationalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"dates_of_birth" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanctions_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"generated_at" timestamp with time zone,
	"source_file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"individuals" integer NOT NULL,
	"entities" integer NOT NULL,
	"aliases" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_hits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"subject" "screening_subject" NOT NULL,
	"person_id" uuid,
	"subject_name" text NOT NULL,
	"subject_key" text NOT NULL,
	"entry_id" uuid NOT NULL,
	"entry_data_id" text NOT NULL,
	"matched_name" text NOT NULL,
	"score" real NOT NULL,
	"status" "screening_hit_status" DEFAULT 'open' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_hits_score" CHECK ("screening_hits"."score" >= 0 and "screening_hits"."score" <= 1),
	CONSTRAINT "screening_hits_cleared_reason" CHECK ("screening_hits"."status" = 'open' or length(trim(coalesce("screening_hits"."reason", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "organisation_flags" ADD CONSTRAINT "organisation_flags_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_flags" ADD CONSTRAINT "organisation_flags_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_flags" ADD CONSTRAINT "organisation_flags_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_people" ADD CONSTRAINT "organisation_people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions_entries" ADD CONSTRAINT "sanctions_entries_list_id_sanctions_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."sanctions_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions_lists" ADD CONSTRAINT "sanctions_lists_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_hits" ADD CONSTRAINT "screening_hits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_hits" ADD CONSTRAINT "screening_hits_person_id_organisation_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."organisation_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_hits" ADD CONSTRAINT "screening_hits_entry_id_sanctions_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."sanctions_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_hits" ADD CONSTRAINT "screening_hits_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_flags_org_idx" ON "organisation_flags" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_people_org_idx" ON "organisation_people" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sanctions_entries_list_data_id" ON "sanctions_entries" USING btree ("list_id","data_id");--> statement-breakpoint
CREATE INDEX "sanctions_entries_list_idx" ON "sanctions_entries" USING btree ("list_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_hits_unique" ON "screening_hits" USING btree ("organisation_id","subject_key","entry_data_id");--> statement-breakpoint
CREATE INDEX "screening_hits_status_idx" ON "screening_hits" USING btree ("status","organisation_id");