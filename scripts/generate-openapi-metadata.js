// Writes src/metadata.ts: what the @nestjs/swagger CLI plugin learns from the
// DTOs (types, class-validator rules, doc comments), as plain data. `nest build`
// applies the plugin itself; Jest compiles with swc, which cannot run it, so the
// app loads this file instead and the spec is the same in tests and production.
const {
  PluginMetadataGenerator,
} = require('@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator');
const { ReadonlyVisitor } = require('@nestjs/swagger/plugin');
const { existsSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
process.chdir(root);
// The generator type-checks the sources, which import the file it writes:
// on a fresh clone (it is not committed) start from an empty one.
const output = join(root, 'src', 'metadata.ts');
if (!existsSync(output)) {
  writeFileSync(
    output,
    "/* eslint-disable */\nexport default async () => ({ '@nestjs/swagger': { models: [], controllers: [] } });\n",
  );
}
new PluginMetadataGenerator().generate({
  visitors: [
    new ReadonlyVisitor({
      introspectComments: true,
      classValidatorShim: true,
      dtoFileNameSuffix: ['.dto.ts'],
      pathToSource: join(root, 'src'),
    }),
  ],
  outputDir: join(root, 'src'),
  watch: false,
  tsconfigPath: 'tsconfig.build.json',
});
