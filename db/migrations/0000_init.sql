CREATE TYPE "public"."role" AS ENUM('admin', 'reviewer', 'applicant');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('invitation', 'email_verification', 'password_reset', 'organisation_invitation');--> statement-breakpoint
CREATE TYPE "public"."organisation_member_role" AS ENUM('owner', 'member');--> statement-breakpoint
CREATE TYPE "public"."organisation_type" AS ENUM('diaspora_organisation', 'ngo', 'community_based', 'foundation', 'academic', 'professional_association', 'private_sector', 'other');--> statement-breakpoint
CREATE TYPE "public"."call_status" AS ENUM('draft', 'open', 'in_review', 'selection', 'published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."question_status" AS ENUM('pending', 'published', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."eligibility" AS ENUM('pending', 'eligible', 'ineligible');--> statement-breakpoint
CREATE TYPE "public"."assignment_status" AS ENUM('pending', 'accepted', 'conflict');--> statement-breakpoint
CREATE TYPE "public"."recommendation" AS ENUM('recommend', 'maybe', 'do_not_recommend');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."outcome" AS ENUM('selected', 'reserve', 'not_selected');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE SEQUENCE "public"."application_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires" timestamp NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by" uuid,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "user_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp,
	"image" text,
	"password_hash" text,
	"session_version" integer DEFAULT 0 NOT NULL,
	"disabled_at" timestamp with time zone,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "organisation_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_members" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "organisation_member_role" DEFAULT 'member' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_members_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"legal_name" text NOT NULL,
	"acronym" text,
	"type" "organisation_type" DEFAULT 'diaspora_organisation' NOT NULL,
	"country_of_registration" text NOT NULL,
	"heritage_countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"operation_countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"year_founded" integer,
	"website" text,
	"registration_number" text,
	"registration_expires_on" date,
	"staff_size" integer,
	"annual_budget" bigint,
	"annual_budget_currency" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"mission" text,
	"experience" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"local_partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"self_declaration" jsonb,
	"illustrative" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_country_code" CHECK ("organisations"."country_of_registration" ~ '^[A-Z]{2}$'),
	CONSTRAINT "organisations_year_founded" CHECK ("organisations"."year_founded" is null or "organisations"."year_founded" between 1800 and 2200)
);
--> statement-breakpoint
CREATE TABLE "call_countries" (
	"call_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	CONSTRAINT "call_countries_call_id_country_code_pk" PRIMARY KEY("call_id","country_code"),
	CONSTRAINT "call_countries_code" CHECK ("call_countries"."country_code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "call_themes" (
	"call_id" uuid NOT NULL,
	"theme" text NOT NULL,
	CONSTRAINT "call_themes_call_id_theme_pk" PRIMARY KEY("call_id","theme")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"funder" text,
	"status" "call_status" DEFAULT 'draft' NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"opens_at" timestamp with time zone,
	"clarification_deadline" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"review_deadline" timestamp with time zone,
	"results_expected_at" timestamp with time zone,
	"currency" text DEFAULT 'USD' NOT NULL,
	"min_budget" bigint,
	"max_budget" bigint,
	"envelope" bigint,
	"expected_partners" integer,
	"reviewers_per_application" integer DEFAULT 3 NOT NULL,
	"blind_review" boolean DEFAULT false NOT NULL,
	"show_peer_scores" boolean DEFAULT false NOT NULL,
	"disagreement_range" numeric(5, 2) DEFAULT 25 NOT NULL,
	"disagreement_stddev" numeric(5, 2) DEFAULT 12 NOT NULL,
	"illustrative" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_slug_format" CHECK ("calls"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "calls_budget_order" CHECK ("calls"."min_budget" is null or "calls"."max_budget" is null or "calls"."min_budget" <= "calls"."max_budget"),
	CONSTRAINT "calls_budget_positive" CHECK (coalesce("calls"."min_budget", 0) >= 0 and coalesce("calls"."envelope", 0) >= 0),
	CONSTRAINT "calls_reviewers_per_application" CHECK ("calls"."reviewers_per_application" between 1 and 20),
	CONSTRAINT "calls_dates_order" CHECK ("calls"."opens_at" is null or "calls"."closes_at" is null or "calls"."opens_at" < "calls"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "clarification_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"asked_by" uuid,
	"organisation_id" uuid,
	"question" text NOT NULL,
	"public_question" text,
	"answer" text,
	"status" "question_status" DEFAULT 'pending' NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" uuid
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"weight" integer NOT NULL,
	"scale_min" integer DEFAULT 0 NOT NULL,
	"scale_max" integer DEFAULT 5 NOT NULL,
	CONSTRAINT "criteria_id_call_scale_unique" UNIQUE("id","call_id","scale_min","scale_max"),
	CONSTRAINT "criteria_weight_positive" CHECK ("criteria"."weight" > 0 and "criteria"."weight" <= 100),
	CONSTRAINT "criteria_scale_order" CHECK ("criteria"."scale_min" >= 0 and "criteria"."scale_max" > "criteria"."scale_min")
);
--> statement-breakpoint
CREATE TABLE "document_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"accepted_types" text[] DEFAULT '{pdf}'::text[] NOT NULL,
	"max_size_bytes" integer DEFAULT 10485760 NOT NULL,
	CONSTRAINT "document_slots_max_size" CHECK ("document_slots"."max_size_bytes" between 1024 and 104857600)
);
--> statement-breakpoint
CREATE TABLE "eligibility_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"statement" text NOT NULL,
	"required" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_files_size" CHECK ("application_files"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"requested_amount" bigint,
	"people_to_reach" integer,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"eligibility" "eligibility" DEFAULT 'pending' NOT NULL,
	"eligibility_reason" text,
	"screened_by" uuid,
	"screened_at" timestamp with time zone,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_reference_format" CHECK ("applications"."reference" is null or "applications"."reference" ~ '^EOI-[0-9]{4}-[0-9]{4,}$'),
	CONSTRAINT "applications_submitted_has_reference" CHECK ("applications"."status" = 'draft' or "applications"."reference" is not null),
	CONSTRAINT "applications_ineligible_reason" CHECK ("applications"."eligibility" <> 'ineligible' or coalesce("applications"."eligibility_reason", '') <> ''),
	CONSTRAINT "applications_requested_amount" CHECK ("applications"."requested_amount" is null or "applications"."requested_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"status" "assignment_status" DEFAULT 'pending' NOT NULL,
	"likely_conflict" text,
	"conflict_reason" text,
	"declared_at" timestamp with time zone,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_assignments_conflict_reason" CHECK ("review_assignments"."status" <> 'conflict' or coalesce("review_assignments"."conflict_reason", '') <> '')
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"review_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"scale_min" integer NOT NULL,
	"scale_max" integer NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "review_scores_review_id_criterion_id_pk" PRIMARY KEY("review_id","criterion_id"),
	CONSTRAINT "review_scores_within_scale" CHECK ("review_scores"."score" between "review_scores"."scale_min" and "review_scores"."scale_max")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"status" "review_status" DEFAULT 'draft' NOT NULL,
	"overall_comment" text DEFAULT '' NOT NULL,
	"recommendation" "recommendation",
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_submitted_complete" CHECK ("reviews"."status" = 'draft' or ("reviews"."recommendation" is not null and "reviews"."submitted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"outcome" "outcome" NOT NULL,
	"awarded_amount" bigint,
	"rationale" text NOT NULL,
	"share_comments" boolean DEFAULT false NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_rationale" CHECK (length(trim("decisions"."rationale")) > 0),
	CONSTRAINT "decisions_award" CHECK (("decisions"."outcome" = 'selected' and "decisions"."awarded_amount" is not null and "decisions"."awarded_amount" > 0) or ("decisions"."outcome" <> 'selected' and "decisions"."awarded_amount" is null))
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"to_user_id" uuid,
	"template" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_attempts" CHECK ("outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_documents" ADD CONSTRAINT "organisation_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_documents" ADD CONSTRAINT "organisation_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_countries" ADD CONSTRAINT "call_countries_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_themes" ADD CONSTRAINT "call_themes_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clarification_questions" ADD CONSTRAINT "clarification_questions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clarification_questions" ADD CONSTRAINT "clarification_questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clarification_questions" ADD CONSTRAINT "clarification_questions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clarification_questions" ADD CONSTRAINT "clarification_questions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_slots" ADD CONSTRAINT "document_slots_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_requirements" ADD CONSTRAINT "eligibility_requirements_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_files" ADD CONSTRAINT "application_files_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_files" ADD CONSTRAINT "application_files_slot_id_document_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."document_slots"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_files" ADD CONSTRAINT "application_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_scale_fk" FOREIGN KEY ("criterion_id","call_id","scale_min","scale_max") REFERENCES "public"."criteria"("id","call_id","scale_min","scale_max") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "user_tokens_hash_unique" ON "user_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "user_tokens_email_idx" ON "user_tokens" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "organisation_documents_org_idx" ON "organisation_documents" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_members_user_idx" ON "organisation_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "organisations_legal_name_idx" ON "organisations" USING btree ("legal_name");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_slug_unique" ON "calls" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "calls_status_idx" ON "calls" USING btree ("status");--> statement-breakpoint
CREATE INDEX "clarification_questions_call_idx" ON "clarification_questions" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "criteria_call_idx" ON "criteria" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "document_slots_call_idx" ON "document_slots" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "eligibility_requirements_call_idx" ON "eligibility_requirements" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_files_slot_unique" ON "application_files" USING btree ("application_id","slot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_call_organisation_unique" ON "applications" USING btree ("call_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_reference_unique" ON "applications" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "applications_call_status_idx" ON "applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "applications_organisation_idx" ON "applications" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_application_reviewer_unique" ON "review_assignments" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "review_assignments_reviewer_idx" ON "review_assignments" USING btree ("reviewer_id","status");--> statement-breakpoint
CREATE INDEX "review_scores_criterion_idx" ON "review_scores" USING btree ("criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_assignment_unique" ON "reviews" USING btree ("assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_call_unique" ON "publications" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe_key_unique" ON "outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_to_idx" ON "outbox" USING btree ("to_address");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_email_idx" ON "audit_log" USING btree ("actor_email","at");