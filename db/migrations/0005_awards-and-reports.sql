CREATE TYPE "public"."reach_age_group" AS ENUM('0-17', '18-24', '25-59', '60+');--> statement-breakpoint
CREATE TYPE "public"."award_notice_kind" AS ENUM('accepted', 'declined', 'lapsed', 'offered_to_reserve');--> statement-breakpoint
CREATE TYPE "public"."award_status" AS ENUM('offered', 'accepted', 'declined', 'lapsed');--> statement-breakpoint
CREATE TYPE "public"."reach_population_group" AS ENUM('host_community', 'migrants', 'refugees', 'internally_displaced');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('draft', 'submitted', 'changes_requested', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."reach_sex" AS ENUM('female', 'male', 'other');--> statement-breakpoint
CREATE TABLE "award_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"award_id" uuid NOT NULL,
	"kind" "award_notice_kind" NOT NULL,
	"entry" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"status" "award_status" DEFAULT 'offered' NOT NULL,
	"replaces_award_id" uuid,
	"offered_by" uuid,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"decline_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "awards_amount" CHECK ("awards"."amount" > 0),
	CONSTRAINT "awards_declined_reason" CHECK ("awards"."status" <> 'declined' or length(trim(coalesce("awards"."decline_reason", ''))) > 0),
	CONSTRAINT "awards_responded" CHECK ("awards"."status" not in ('accepted', 'declined') or "awards"."responded_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "report_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_files_size" CHECK ("report_files"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "report_reach" (
	"report_id" uuid NOT NULL,
	"country" text NOT NULL,
	"sex" "reach_sex" NOT NULL,
	"age_group" "reach_age_group" NOT NULL,
	"population_group" "reach_population_group" NOT NULL,
	"people" integer NOT NULL,
	CONSTRAINT "report_reach_report_id_country_sex_age_group_population_group_pk" PRIMARY KEY("report_id","country","sex","age_group","population_group"),
	CONSTRAINT "report_reach_people" CHECK ("report_reach"."people" >= 0),
	CONSTRAINT "report_reach_country" CHECK ("report_reach"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"label" text NOT NULL,
	"final" boolean DEFAULT false NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_periods_label" CHECK (length(trim("reporting_periods"."label")) > 0),
	CONSTRAINT "reporting_periods_range" CHECK ("reporting_periods"."period_start" <= "reporting_periods"."period_end")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"status" "report_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"reminded_at" timestamp with time zone,
	"overdue_notice_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_changes_comment" CHECK ("reports"."status" <> 'changes_requested' or length(trim(coalesce("reports"."review_comment", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "award_notices" ADD CONSTRAINT "award_notices_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_notices" ADD CONSTRAINT "award_notices_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_offered_by_users_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reach" ADD CONSTRAINT "report_reach_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_notices_call_idx" ON "award_notices" USING btree ("call_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "awards_application_unique" ON "awards" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "awards_replaces_unique" ON "awards" USING btree ("replaces_award_id");--> statement-breakpoint
CREATE INDEX "awards_call_idx" ON "awards" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "report_files_report_idx" ON "report_files" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "reporting_periods_call_idx" ON "reporting_periods" USING btree ("call_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_award_period_unique" ON "reports" USING btree ("award_id","period_id");--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status");