import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProjectsAndClients1764230400000 implements MigrationInterface {
  name = 'CreateProjectsAndClients1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "project" (
        "id" SERIAL PRIMARY KEY,
        "name" varchar(64) NOT NULL,
        "metadata" text NOT NULL DEFAULT '',
        "user_id" integer NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "modified_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "project_user_id_idx" ON "project" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "project_membership" (
        "project_id" integer NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
        "user_id" integer NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
        "membership_type" varchar(16) NOT NULL CHECK ("membership_type" IN ('admin', 'author')),
        "membership_is_active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "modified_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("project_id", "user_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "project_membership_user_id_idx" ON "project_membership" ("user_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "client" (
        "id" SERIAL PRIMARY KEY,
        "project_id" integer NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
        "name" varchar(64) NOT NULL,
        "client_id" varchar(64) NOT NULL UNIQUE,
        "client_secret_digest" char(64) NOT NULL,
        "secret_version" integer NOT NULL DEFAULT 1,
        "redirect_uris" jsonb NOT NULL DEFAULT '[]',
        "last_used_at" timestamptz NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "modified_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "client_project_id_idx" ON "client" ("project_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "client"`);
    await queryRunner.query(`DROP TABLE "project_membership"`);
    await queryRunner.query(`DROP TABLE "project"`);
  }
}
