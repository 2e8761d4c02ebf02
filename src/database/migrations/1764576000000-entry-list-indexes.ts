import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index per entry list order, each ending in `id` (the tie-break), so a
 * page — from the start or after a cursor — walks only its own stretch of
 * the index instead of sorting the project; read backwards, each serves the
 * opposite direction too. They carry the filtered columns (visibility,
 * type, tags, name), so the walk skips drafts and non-matching entries in
 * the index, without reading the table, and reads only the page's rows.
 */
export class EntryListIndexes1764576000000 implements MigrationInterface {
  name = 'EntryListIndexes1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "entry_project_modified_idx"`);
    await queryRunner.query(`DROP INDEX "entry_project_published_idx"`);
    await queryRunner.query(
      `CREATE INDEX "entry_project_modified_idx" ON "entry" ("project_id", "modified_at" DESC, "id" DESC)
         INCLUDE ("published", "entry_type_id", "tags", "name")`,
    );
    await queryRunner.query(
      `CREATE INDEX "entry_project_created_idx" ON "entry" ("project_id", "created_at", "id")
         INCLUDE ("published", "entry_type_id", "tags", "name")`,
    );
    await queryRunner.query(
      `CREATE INDEX "entry_project_name_idx" ON "entry" ("project_id", "name", "id")
         INCLUDE ("published", "entry_type_id", "tags")`,
    );
    await queryRunner.query(
      `CREATE INDEX "entry_project_published_idx" ON "entry" ("project_id", "published", "id")
         INCLUDE ("entry_type_id", "tags", "name")`,
    );
    // Drafts (null) sort last in both directions, among themselves by id:
    // the planner cannot read `published IS NULL` as a fixed value of the
    // index above, so it would not walk its drafts in id order.
    await queryRunner.query(
      `CREATE INDEX "entry_project_drafts_idx" ON "entry" ("project_id", "id")
         INCLUDE ("entry_type_id", "tags", "name") WHERE "published" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "entry_project_drafts_idx"`);
    await queryRunner.query(`DROP INDEX "entry_project_published_idx"`);
    await queryRunner.query(`DROP INDEX "entry_project_name_idx"`);
    await queryRunner.query(`DROP INDEX "entry_project_created_idx"`);
    await queryRunner.query(`DROP INDEX "entry_project_modified_idx"`);
    await queryRunner.query(
      `CREATE INDEX "entry_project_modified_idx" ON "entry" ("project_id", "modified_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "entry_project_published_idx" ON "entry" ("project_id", "published")`,
    );
  }
}
