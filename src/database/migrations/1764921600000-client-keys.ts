import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClientKeys1764921600000 implements MigrationInterface {
  name = 'ClientKeys1764921600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // An API client becomes a key its project can shape: what its tokens may
    // read (scopes, entry types), until when, for how long each, in which
    // response dialect; and a previous secret that keeps working through a
    // rotation's grace period.
    await queryRunner.query(`
      ALTER TABLE "client"
        ADD "scopes" jsonb NOT NULL DEFAULT '["read"]',
        ADD "entry_type_ids" jsonb NULL,
        ADD "expires_at" timestamptz NULL,
        ADD "token_lifetime" integer NULL,
        ADD "token_response" varchar(16) NOT NULL DEFAULT 'oauth2',
        ADD "previous_secret_digest" char(64) NULL,
        ADD "previous_secret_expires_at" timestamptz NULL,
        ADD CONSTRAINT "client_token_response" CHECK ("token_response" IN ('oauth2', 'envelope'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "client"
        DROP CONSTRAINT "client_token_response",
        DROP "scopes", DROP "entry_type_ids", DROP "expires_at", DROP "token_lifetime",
        DROP "token_response", DROP "previous_secret_digest", DROP "previous_secret_expires_at"`);
  }
}
