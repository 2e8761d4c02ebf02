import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSigningKeys1764748800000 implements MigrationInterface {
  name = 'CreateSigningKeys1764748800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The keys that sign access tokens, shared by every instance. The private
    // key is sealed (AES-256-GCM under a key derived from JWT_SECRET) and only
    // the current key keeps one: a retired key is needed to verify, never to sign.
    await queryRunner.query(`
      CREATE TABLE "signing_key" (
        "kid" varchar(64) PRIMARY KEY,
        "alg" varchar(16) NOT NULL,
        "public_jwk" jsonb NOT NULL,
        "private_key" text NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "retired_at" timestamptz NULL,
        CONSTRAINT "signing_key_private_while_current"
          CHECK (("retired_at" IS NULL) = ("private_key" IS NOT NULL))
      )`);
    // One current key: instances starting together on an empty table make one.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "signing_key_one_current" ON "signing_key" ((true)) WHERE "retired_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "signing_key"`);
  }
}
