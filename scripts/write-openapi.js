// `npm run openapi`: writes openapi.json, the API's contract (committed, so an
// API change shows in review), and the client's types generated from it.
// It reads the built app's route metadata in Nest's preview mode, which
// builds the module graph without creating a single provider: no database,
// no configuration beyond the defaults. Run after `ensure-build.js`.
const { writeFileSync } = require('node:fs');
const { clientTypes, DOCUMENT, TYPES } = require('./openapi-types');

async function main() {
  const { NestFactory } = require('@nestjs/core');
  const { FastifyAdapter } = require('@nestjs/platform-fastify');
  const { AppModule } = require('../dist/src/app.module.js');
  const openapi = require('../dist/src/http/openapi.js');
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  const json = openapi.serializeDocument(
    await openapi.buildOpenApiDocument(app, openapi.SNAPSHOT_PUBLIC_URL),
  );
  writeFileSync(DOCUMENT, json);
  writeFileSync(TYPES, await clientTypes(json));
  const { paths } = JSON.parse(json);
  const operations = Object.values(paths).flatMap((item) => Object.values(item));
  const responses = operations.reduce((n, op) => n + Object.keys(op.responses).length, 0);
  process.stdout.write(
    `openapi.json: ${operations.length} operations, ${responses} declared responses; ` +
      `packages/client/src/schema.d.ts written\n`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
