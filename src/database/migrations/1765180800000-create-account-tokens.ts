import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccountTokens1765180800000 implements MigrationInterface {
  name = 'CreateAccountTokens1765180800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The single-use tokens that mails carry (sign-up verification, password
    // reset, e-mail change), as SHA-256 digests: a database leak reveals no
    // working link. "data" holds what the flow needs back, e.g. a new address.
    await queryRunner.query(`
      CREATE TABLE "account_token" (
        "id" BIGSERIAL PRIMARY KEY,
        "purpose" varchar(32) NOT NULL,
        "digest" char(64) NOT NULL,
        "user_id" integer NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
        "data" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz NULL,
        CONSTRAINT "account_token_digest_key" UNIQUE ("digest")
      )`);
    await queryRunner.query(
      `CREATE INDEX "account_token_user_idx" ON "account_token" ("user_id", "purpose")`,
    );
    await queryRunner.query(
      `CREATE INDEX "account_token_expires_idx" ON "account_token" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "account_token"`);
  }
}
