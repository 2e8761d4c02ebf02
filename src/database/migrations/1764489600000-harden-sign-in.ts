import { MigrationInterface, QueryRunner } from 'typeorm';

export class HardenSignIn1764489600000 implements MigrationInterface {
  name = 'HardenSignIn1764489600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The authorization page's browser sign-in is a session too, so logout,
    // a password change and deactivation end it like any other.
    await queryRunner.query(
      `ALTER TABLE "session" ADD "purpose" varchar(16) NOT NULL DEFAULT 'tokens'`,
    );
    // One live refresh token per session, so no second chain can grow beside
    // it. Sessions that have more (earlier renewals added tokens) keep the newest.
    await queryRunner.query(`
      UPDATE "refresh_token" rt SET "rotated_at" = now()
       WHERE rt."rotated_at" IS NULL AND EXISTS (
         SELECT 1 FROM "refresh_token" newer
          WHERE newer."session_id" = rt."session_id" AND newer."rotated_at" IS NULL
            AND (newer."created_at", newer."token_digest") > (rt."created_at", rt."token_digest"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "refresh_token_one_live_per_session" ON "refresh_token" ("session_id") WHERE "rotated_at" IS NULL`,
    );
    // The browser sign-in that approved a code: ending it voids the codes it gave.
    await queryRunner.query(
      `ALTER TABLE "authorization_code" ADD "sign_in_id" uuid NULL REFERENCES "session" ("id") ON DELETE CASCADE`,
    );
    // Rate-limit windows shared by every instance on the database.
    await queryRunner.query(`
      CREATE TABLE "rate_limit" (
        "key" varchar(200) PRIMARY KEY,
        "hits" integer NOT NULL,
        "resets_at" timestamptz NOT NULL
      )`);
    // Failed password checks per (account, client address): `account` is the
    // SHA-256 of the lower-cased email typed, so unknown emails count alike.
    await queryRunner.query(`
      CREATE TABLE "sign_in_failure" (
        "account" char(64) NOT NULL,
        "address" varchar(64) NOT NULL,
        "failures" integer NOT NULL,
        "window_ends" timestamptz NOT NULL,
        PRIMARY KEY ("account", "address")
      )`);
    // However an account is deactivated (admin route, CLI, SQL), its sessions
    // end with it: reactivating it later must not revive tokens taken before.
    await queryRunner.query(`
      CREATE FUNCTION "end_sessions_of_deactivated_user"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "session" SET "revoked_at" = now()
         WHERE "user_id" = NEW."id" AND "revoked_at" IS NULL;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "user_deactivated_ends_sessions"
        AFTER UPDATE OF "is_active" ON "user"
        FOR EACH ROW WHEN (OLD."is_active" AND NOT NEW."is_active")
        EXECUTE FUNCTION "end_sessions_of_deactivated_user"()`);
    // The account-wide lockout let anyone lock anyone out: replaced by the table above.
    await queryRunner.query(
      `ALTER TABLE "user" DROP "failed_login_count", DROP "failed_login_since", DROP "locked_until"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "user_deactivated_ends_sessions" ON "user"`);
    await queryRunner.query(`DROP FUNCTION "end_sessions_of_deactivated_user"()`);
    await queryRunner.query(`
      ALTER TABLE "user"
        ADD "failed_login_count" integer NOT NULL DEFAULT 0,
        ADD "failed_login_since" timestamptz NULL,
        ADD "locked_until" timestamptz NULL`);
    await queryRunner.query(`DROP TABLE "sign_in_failure"`);
    await queryRunner.query(`DROP TABLE "rate_limit"`);
    await queryRunner.query(`ALTER TABLE "authorization_code" DROP "sign_in_id"`);
    await queryRunner.query(`DROP INDEX "refresh_token_one_live_per_session"`);
    await queryRunner.query(`ALTER TABLE "session" DROP "purpose"`);
  }
}
