import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProjectInvites1765267200000 implements MigrationInterface {
  name = 'CreateProjectInvites1765267200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // An invitation to a project, mailed as a signed token whose SHA-256
    // digest is kept here: a copy of the database holds no working link, and
    // a new token (a resend) replaces the digest, so the old link dies. One
    // pending invite per address and project; accepted ones stay as history.
    await queryRunner.query(`
      CREATE TABLE "project_invite" (
        "id" SERIAL PRIMARY KEY,
        "project_id" integer NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
        "name" varchar(128) NOT NULL,
        "email" varchar(254) NOT NULL,
        "membership_type" varchar(16) NOT NULL CHECK ("membership_type" IN ('admin', 'author')),
        "invited_by" integer NULL REFERENCES "user" ("id") ON DELETE SET NULL,
        "token_digest" char(64) NOT NULL,
        "accepted" boolean NOT NULL DEFAULT false,
        "accepted_at" timestamptz NULL,
        "expires_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "modified_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "project_invite_token_digest_key" UNIQUE ("token_digest")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "project_invite_pending_email_key"
         ON "project_invite" ("project_id", lower("email")) WHERE NOT "accepted"`,
    );
    await queryRunner.query(
      `CREATE INDEX "project_invite_invited_by_idx" ON "project_invite" ("invited_by")`,
    );
    // However an account is deactivated (admin route, CLI, SQL), a sign-up
    // verification link it was mailed dies with it: an administrator's
    // deactivation is never undone by an old link.
    await queryRunner.query(`
      CREATE FUNCTION "end_verification_of_deactivated_user"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "account_token" SET "used_at" = now()
         WHERE "user_id" = NEW."id" AND "purpose" = 'verify-email' AND "used_at" IS NULL;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "user_deactivated_ends_verification"
        AFTER UPDATE OF "is_active" ON "user"
        FOR EACH ROW WHEN (OLD."is_active" AND NOT NEW."is_active")
        EXECUTE FUNCTION "end_verification_of_deactivated_user"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "user_deactivated_ends_verification" ON "user"`);
    await queryRunner.query(`DROP FUNCTION "end_verification_of_deactivated_user"()`);
    await queryRunner.query(`DROP TABLE "project_invite"`);
  }
}
