import { randomBytes } from 'node:crypto';

// Every e2e file starts from the same quiet, test-only environment.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = 'silent';
process.env.PUBLIC_URL = 'http://tessera.test';
delete process.env.PORT;
delete process.env.DB_SKIP_MIGRATIONS;
// One JWT_SECRET per file, as instances of one deployment share it: every app
// and CLI run of the file opens the signing key the first one sealed.
process.env.JWT_SECRET = randomBytes(32).toString('base64url');
// With TESSERA_TEST_MEDIA_S3=1 every file shares one bucket (global-setup.ts):
// a prefix of its own keeps one file's project 1 from deleting another's files.
if (process.env.TESSERA_TEST_MEDIA_S3 === '1') {
  process.env.MEDIA_S3_PREFIX = `test-${randomBytes(6).toString('hex')}`;
}
