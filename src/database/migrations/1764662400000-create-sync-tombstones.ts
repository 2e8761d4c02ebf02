import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the sync API reads: which transaction last wrote each entry, and
 * tombstones of entries gone. Transaction ids (`xid8` as bigint, so TypeORM
 * can describe the columns) rather than timestamps: a delta is what a
 * snapshot did not see, which a transaction that commits late cannot dodge.
 */
export class CreateSyncTombstones1764662400000 implements MigrationInterface {
  name = 'CreateSyncTombstones1764662400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Rows from before have 0: older than any snapshot, so a full pass covers them.
    // An entry type's changes count as changes of its entries: the entry API
    // shows them with its name and only the fields it defines now.
    await queryRunner.query(`ALTER TABLE "entry" ADD "changed_xact" bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `ALTER TABLE "entry_type" ADD "changed_xact" bigint NOT NULL DEFAULT 0`,
    );
    // Set in the database, not by the writes: every path that changes a row
    // (including ON DELETE SET NULL of its users) marks it.
    await queryRunner.query(`
      CREATE FUNCTION "mark_changed_xact"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW."changed_xact" := pg_current_xact_id()::text::bigint;
        RETURN NEW;
      END $$`);
    for (const table of ['entry', 'entry_type']) {
      await queryRunner.query(`
        CREATE TRIGGER "${table}_changed_xact"
          BEFORE INSERT OR UPDATE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION "mark_changed_xact"()`);
    }
    // A delta: the project's entries written since a transaction id.
    await queryRunner.query(
      `CREATE INDEX "entry_sync_changed_idx" ON "entry" ("project_id", "changed_xact")`,
    );
    // A full pass walks the project's entries by id.
    await queryRunner.query(`CREATE INDEX "entry_sync_pass_idx" ON "entry" ("project_id", "id")`);

    // No foreign key to the project: tombstones are written while a project's
    // entries are deleted with it, and a deleted project has no sync to serve.
    // for_members: the entry was deleted. for_clients: API clients could see
    // it (published in the past) until it was deleted or unpublished.
    await queryRunner.query(`
      CREATE TABLE "sync_tombstone" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "project_id" integer NOT NULL,
        "entry_id" integer NOT NULL,
        "deleted_at" timestamptz NOT NULL DEFAULT now(),
        "xact" bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint,
        "for_members" boolean NOT NULL,
        "for_clients" boolean NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "sync_tombstone_project_xact_idx" ON "sync_tombstone" ("project_id", "xact")`,
    );
    await queryRunner.query(
      `CREATE INDEX "sync_tombstone_deleted_at_idx" ON "sync_tombstone" ("deleted_at")`,
    );
    // One INSERT per statement, however many entries it deletes (one, a bulk
    // delete, a project's cascade), in the deleting transaction. Entries that
    // go with their project leave none.
    await queryRunner.query(`
      CREATE FUNCTION "entry_deleted_tombstones"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "sync_tombstone" ("project_id", "entry_id", "for_members", "for_clients")
        SELECT gone."project_id", gone."id", true,
               gone."published" IS NOT NULL AND gone."published" <= now()
          FROM gone
         WHERE EXISTS (SELECT 1 FROM "project" p WHERE p."id" = gone."project_id");
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "entry_deleted_keeps_tombstones"
        AFTER DELETE ON "entry" REFERENCING OLD TABLE AS gone
        FOR EACH STATEMENT EXECUTE FUNCTION "entry_deleted_tombstones"()`);
    // An entry API clients could see that an update makes a draft or moves to
    // the future is gone for them. The WHEN clause keeps other updates free.
    await queryRunner.query(`
      CREATE FUNCTION "entry_withdrawn_tombstone"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "sync_tombstone" ("project_id", "entry_id", "for_members", "for_clients")
        VALUES (OLD."project_id", OLD."id", false, true);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "entry_withdrawn_keeps_tombstone"
        AFTER UPDATE ON "entry"
        FOR EACH ROW WHEN (OLD."published" <= now() AND (NEW."published" IS NULL OR NEW."published" > now()))
        EXECUTE FUNCTION "entry_withdrawn_tombstone"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "entry_withdrawn_keeps_tombstone" ON "entry"`);
    await queryRunner.query(`DROP FUNCTION "entry_withdrawn_tombstone"()`);
    await queryRunner.query(`DROP TRIGGER "entry_deleted_keeps_tombstones" ON "entry"`);
    await queryRunner.query(`DROP FUNCTION "entry_deleted_tombstones"()`);
    await queryRunner.query(`DROP TABLE "sync_tombstone"`);
    await queryRunner.query(`DROP INDEX "entry_sync_pass_idx"`);
    await queryRunner.query(`DROP INDEX "entry_sync_changed_idx"`);
    await queryRunner.query(`DROP TRIGGER "entry_type_changed_xact" ON "entry_type"`);
    await queryRunner.query(`DROP TRIGGER "entry_changed_xact" ON "entry"`);
    await queryRunner.query(`DROP FUNCTION "mark_changed_xact"()`);
    await queryRunner.query(`ALTER TABLE "entry_type" DROP "changed_xact"`);
    await queryRunner.query(`ALTER TABLE "entry" DROP "changed_xact"`);
  }
}
