import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebHooks1765094400000 implements MigrationInterface {
  name = 'CreateWebHooks1765094400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The events a hook wants as a text[] (contentjet's per-event booleans in
    // the API): the fan-out on every write is one `= ANY (events)` test.
    await queryRunner.query(`
      CREATE TABLE "web_hook" (
        "id" SERIAL PRIMARY KEY,
        "project_id" integer NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
        "name" varchar(64) NOT NULL,
        "url" varchar(2048) NOT NULL,
        "is_active" boolean NOT NULL DEFAULT true,
        "events" text[] NOT NULL DEFAULT '{}',
        "secret_sealed" text NOT NULL,
        "failure_count" integer NOT NULL DEFAULT 0,
        "disabled_at" timestamptz NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "modified_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "web_hook_project_idx" ON "web_hook" ("project_id")`);
    // One row per event per hook. No foreign key to the project or the hook:
    // a projectDeleted delivery outlives both (it carries its target in
    // "target_sealed"); a deleted hook's pending deliveries are cancelled by
    // the worker, and old rows go with the log's retention.
    await queryRunner.query(`
      CREATE TABLE "web_hook_delivery" (
        "id" BIGSERIAL PRIMARY KEY,
        "web_hook_id" integer NOT NULL,
        "project_id" integer NOT NULL,
        "message_id" varchar(64) NOT NULL,
        "event" varchar(32) NOT NULL,
        "body" text NOT NULL,
        "dedupe_key" varchar(200) NULL,
        "target_sealed" text NULL,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz NULL,
        CONSTRAINT "web_hook_delivery_message_id_key" UNIQUE ("message_id"),
        CONSTRAINT "web_hook_delivery_dedupe_key" UNIQUE ("web_hook_id", "dedupe_key")
      )`);
    await queryRunner.query(
      `CREATE INDEX "web_hook_delivery_hook_idx" ON "web_hook_delivery" ("web_hook_id", "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "web_hook_delivery_created_idx" ON "web_hook_delivery" ("created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "web_hook_attempt" (
        "id" BIGSERIAL PRIMARY KEY,
        "delivery_id" bigint NOT NULL REFERENCES "web_hook_delivery" ("id") ON DELETE CASCADE,
        "attempt" integer NOT NULL,
        "started_at" timestamptz NOT NULL,
        "duration_ms" integer NOT NULL,
        "status_code" integer NULL,
        "response_excerpt" text NULL,
        "error" text NULL,
        CONSTRAINT "web_hook_attempt_delivery_attempt_key" UNIQUE ("delivery_id", "attempt")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "web_hook_attempt"`);
    await queryRunner.query(`DROP TABLE "web_hook_delivery"`);
    await queryRunner.query(`DROP TABLE "web_hook"`);
  }
}
