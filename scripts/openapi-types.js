// The client's types (packages/client/src/schema.d.ts) as openapi-typescript
// makes them from openapi.json. `npm run openapi` writes them; run directly,
// this prints them, for the test that checks the committed file is current.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const DOCUMENT = join(root, 'openapi.json');
const TYPES = join(root, 'packages', 'client', 'src', 'schema.d.ts');

async function clientTypes(documentJson) {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  // A property with a default may be left out of a request: keep it optional
  // (openapi-typescript would otherwise make it required everywhere).
  const ast = await openapiTS(JSON.parse(documentJson), { defaultNonNullable: false });
  return `// Generated from openapi.json by \`npm run openapi\`: do not edit.\n${astToString(ast)}`;
}

module.exports = { clientTypes, DOCUMENT, TYPES };

if (require.main === module) {
  clientTypes(readFileSync(DOCUMENT, 'utf8')).then(
    (types) => process.stdout.write(types),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
