// Every e2e file starts from the same quiet, test-only environment.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = 'silent';
process.env.PUBLIC_URL = 'http://tessera.test';
delete process.env.PORT;
delete process.env.DB_SKIP_MIGRATIONS;
