import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeferredRevocations1764925200000 implements MigrationInterface {
  name = 'DeferredRevocations1764925200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A revocation that starts later: an access token traded on contentjet's
    // renewal paths is consumed at once but answers API calls for a grace.
    // NULL: in force from the start, as every revocation before.
    await queryRunner.query(`ALTER TABLE "revoked_token" ADD "revoked_from" timestamptz NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "revoked_token" DROP "revoked_from"`);
  }
}
