import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuthorizationCodes1764403200000 implements MigrationInterface {
  name = 'CreateAuthorizationCodes1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A session started by the authorization code grant acts for its user
    // through one API client, on the client's project, within a scope.
    await queryRunner.query(`
      ALTER TABLE "session"
        ADD "client_id" integer NULL REFERENCES "client" ("id") ON DELETE CASCADE,
        ADD "project_id" integer NULL REFERENCES "project" ("id") ON DELETE CASCADE,
        ADD "scope" varchar(64) NULL`);
    await queryRunner.query(
      `CREATE INDEX "session_client_id_idx" ON "session" ("client_id") WHERE "client_id" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "authorization_code" (
        "code_digest" char(64) PRIMARY KEY,
        "client_id" integer NOT NULL REFERENCES "client" ("id") ON DELETE CASCADE,
        "user_id" integer NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
        "redirect_uri" text NOT NULL,
        "scope" varchar(64) NOT NULL,
        "code_challenge" varchar(128) NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz NULL,
        "session_id" uuid NULL REFERENCES "session" ("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "authorization_code"`);
    await queryRunner.query(
      `ALTER TABLE "session" DROP "client_id", DROP "project_id", DROP "scope"`,
    );
  }
}
