ALTER TABLE "calls" ADD COLUMN "issuer" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "requires_self_declaration" boolean DEFAULT false NOT NULL;