// The production build started on a fresh embedded database, for the
// benchmarks that need a whole server but no Postgres (bench:admin, the
// account flows' timing).
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const { fetch } = globalThis;
const ROOT = join(__dirname, '..');

/** Builds if needed, makes `user`, starts the server; resolves once /health answers. */
async function startLocalServer({ user, env: extra = {}, prefix = 'tessera-bench-' }) {
  execFileSync(process.execPath, ['scripts/ensure-build.js'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(os.tmpdir(), prefix));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: origin,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    ...extra,
  };
  execFileSync(
    process.execPath,
    [
      'dist/src/cli.js',
      'create-user',
      '--email',
      user.email,
      '--password',
      user.password,
      '--name',
      'Bench',
    ],
    // Its errors (a refused configuration) on this terminal.
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const server = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env, stdio: 'ignore' });
  try {
    await waitForOk(`${origin}/health`);
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
  return { origin, dataDir, server };
}

async function waitForOk(url) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer 200 within 30 s`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = { startLocalServer };
