import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSessions1764144000000 implements MigrationInterface {
  name = 'CreateSessions1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Brute-force lockout per account.
    await queryRunner.query(`
      ALTER TABLE "user"
        ADD "failed_login_count" integer NOT NULL DEFAULT 0,
        ADD "failed_login_since" timestamptz NULL,
        ADD "locked_until" timestamptz NULL`);
    // A session is one sign-in: its refresh tokens form one rotation family,
    // and it bounds every renewal by its absolute expiry.
    await queryRunner.query(`
      CREATE TABLE "session" (
        "id" uuid PRIMARY KEY,
        "user_id" integer NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz NULL
      )`);
    await queryRunner.query(`CREATE INDEX "session_user_id_idx" ON "session" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "refresh_token" (
        "token_digest" char(64) PRIMARY KEY,
        "session_id" uuid NOT NULL REFERENCES "session" ("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "rotated_at" timestamptz NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "refresh_token_session_id_idx" ON "refresh_token" ("session_id")`,
    );
    // Revoked access tokens (jti:…) and sessions (sid:…) until their tokens expire.
    await queryRunner.query(`
      CREATE TABLE "revoked_token" (
        "key" varchar(64) PRIMARY KEY,
        "expires_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "revoked_token_expires_at_idx" ON "revoked_token" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "revoked_token"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`
      ALTER TABLE "user"
        DROP "failed_login_count", DROP "failed_login_since", DROP "locked_until"`);
  }
}
