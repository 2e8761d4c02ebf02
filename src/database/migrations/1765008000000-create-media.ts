import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMedia1765008000000 implements MigrationInterface {
  name = 'CreateMedia1765008000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Tags as entries keep theirs: a text[] with a GIN index, no tag table to keep in step.
    await queryRunner.query(`
      CREATE TABLE "media" (
        "id" SERIAL PRIMARY KEY,
        "project_id" integer NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
        "user_id" integer NULL REFERENCES "user" ("id") ON DELETE SET NULL,
        "name" varchar(512) NOT NULL,
        "file_key" varchar(512) NOT NULL,
        "sha256" char(64) NOT NULL,
        "mime_type" varchar(128) NOT NULL,
        "size" bigint NOT NULL,
        "width" integer NOT NULL DEFAULT 0,
        "height" integer NOT NULL DEFAULT 0,
        "description" text NOT NULL DEFAULT '',
        "tags" text[] NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "modified_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "media_file_key_key" UNIQUE ("file_key")
      )`);
    await queryRunner.query(
      `CREATE INDEX "media_project_created_idx" ON "media" ("project_id", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "media_project_modified_idx" ON "media" ("project_id", "modified_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(`CREATE INDEX "media_tags_idx" ON "media" USING gin ("tags")`);
    await queryRunner.query(
      `CREATE INDEX "media_name_trgm_idx" ON "media" USING gin ("name" gin_trgm_ops)`,
    );
    // Off by default: a project's files are as private as its entries until an admin says otherwise.
    await queryRunner.query(
      `ALTER TABLE "project" ADD "public_media" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project" DROP "public_media"`);
    await queryRunner.query(`DROP TABLE "media"`);
  }
}
