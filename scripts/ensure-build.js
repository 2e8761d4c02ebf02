// Builds dist/ only when a source file is newer than the last build, so
// `npm start` and `npm run cli` are quick after `npm ci` (which builds via
// `prepare`) yet never run stale code after an edit. The server and the admin
// UI it serves (dist/admin) count as one build: either missing or older than
// a source rebuilds both.
const { execSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const inputs = [
  'src',
  'ormconfig.ts',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
  'packages/client/src',
  'admin/src',
  'admin/public',
  'admin/index.html',
  'admin/vite.config.ts',
  'admin/precompress.ts',
  'admin/package.json',
];

function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (latest, name) => Math.max(latest, newest(join(path, name))),
    stat.mtimeMs,
  );
}

const outputs = ['dist/src/main.js', 'dist/admin/index.html'].map((output) =>
  statSync(join(root, output), { throwIfNoEntry: false }),
);
const builtTime = Math.min(...outputs.map((output) => output?.mtimeMs ?? 0));
const sourceTime = Math.max(...inputs.map((input) => newest(join(root, input))));
if (sourceTime > builtTime) {
  process.stderr.write('tessera: building dist/ (sources changed)…\n');
  execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
