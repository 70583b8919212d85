CREATE TYPE "public"."verification_answer" AS ENUM('met', 'not_met');--> statement-breakpoint
CREATE TYPE "public"."verification_item" AS ENUM('registration', 'governing_documents', 'anti_fraud_policy', 'psea_policy', 'audited_accounts');--> statement-breakpoint
CREATE TABLE "organisation_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"item" "verification_item" NOT NULL,
	"answer" "verification_answer" NOT NULL,
	"evidence_document_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_documents" ADD COLUMN "expires_on" date;--> statement-breakpoint
ALTER TABLE "organisation_verifications" ADD CONSTRAINT "organisation_verifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_verifications" ADD CONSTRAINT "organisation_verifications_evidence_document_id_organisation_documents_id_fk" FOREIGN KEY ("evidence_document_id") REFERENCES "public"."organisation_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_verifications" ADD CONSTRAINT "organisation_verifications_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_verifications_item" ON "organisation_verifications" USING btree ("organisation_id","item");--> statement-breakpoint
CREATE INDEX "organisation_documents_expiry_idx" ON "organisation_documents" USING btree ("expires_on");--> statement-breakpoint
ALTER TABLE "organisation_documents" ADD CONSTRAINT "organisation_documents_kind" CHECK ("organisation_documents"."kind" in ('registration_certificate', 'statutes', 'audited_accounts', 'anti_fraud_policy', 'psea_policy', 'other'));