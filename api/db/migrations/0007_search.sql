ALTER TABLE "answers" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "body")) STORED;--> statement-breakpoint
ALTER TABLE "note_replies" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "body")) STORED;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "body")) STORED;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, "title"), 'A') || setweight(to_tsvector('english'::regconfig, "body"), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "answers_search_idx" ON "answers" USING gin ("search");--> statement-breakpoint
CREATE INDEX "note_replies_search_idx" ON "note_replies" USING gin ("search");--> statement-breakpoint
CREATE INDEX "notes_search_idx" ON "notes" USING gin ("search");--> statement-breakpoint
CREATE INDEX "questions_search_idx" ON "questions" USING gin ("search");