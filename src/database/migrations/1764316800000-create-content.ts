import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContent1764316800000 implements MigrationInterface {
  name = 'CreateContent1764316800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram indexes make `name ILIKE '%word%'` searches use an index.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE "entry_type" (
        "id" SERIAL PRIMARY KEY,
        "project_id" integer NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
        "user_id" integer NULL REFERENCES "user" ("id") ON DELETE SET NULL,
        "name" varchar(64) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "metadata" text NOT NULL DEFAULT '',
        "fields" jsonb NOT NULL DEFAULT '[]',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "modified_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "entry_type_project_name_key" UNIQUE ("project_id", "name")
      )`);
    // entry_type_id is NO ACTION, checked at the end of the statement: deleting a
    // project cascades to both tables, but deleting a type in use is refused.
    await queryRunner.query(`
      CREATE TABLE "entry" (
        "id" SERIAL PRIMARY KEY,
        "project_id" integer NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
        "entry_type_id" integer NOT NULL REFERENCES "entry_type" ("id"),
        "user_id" integer NULL REFERENCES "user" ("id") ON DELETE SET NULL,
        "modified_by_user_id" integer NULL REFERENCES "user" ("id") ON DELETE SET NULL,
        "name" varchar(128) NOT NULL,
        "published" timestamptz NULL,
        "tags" text[] NOT NULL DEFAULT '{}',
        "fields" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "modified_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "entry_project_modified_idx" ON "entry" ("project_id", "modified_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "entry_project_published_idx" ON "entry" ("project_id", "published")`,
    );
    await queryRunner.query(
      `CREATE INDEX "entry_project_type_idx" ON "entry" ("project_id", "entry_type_id")`,
    );
    await queryRunner.query(`CREATE INDEX "entry_tags_idx" ON "entry" USING gin ("tags")`);
    await queryRunner.query(
      `CREATE INDEX "entry_name_trgm_idx" ON "entry" USING gin ("name" gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "entry"`);
    await queryRunner.query(`DROP TABLE "entry_type"`);
  }
}
