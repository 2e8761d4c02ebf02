import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionDetails1764835200000 implements MigrationInterface {
  name = 'SessionDetails1764835200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What a person needs to tell their sign-ins apart on the account page:
    // the browser or program that began each, and when it last renewed its tokens.
    await queryRunner.query(`
      ALTER TABLE "session"
        ADD "user_agent" varchar(512) NULL,
        ADD "last_used_at" timestamptz NOT NULL DEFAULT now()`);
    // Sessions from before: their newest refresh token is their last renewal.
    await queryRunner.query(`
      UPDATE "session" s SET "last_used_at" = COALESCE(
        (SELECT max(rt."created_at") FROM "refresh_token" rt WHERE rt."session_id" = s."id"),
        s."created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP "user_agent", DROP "last_used_at"`);
  }
}
