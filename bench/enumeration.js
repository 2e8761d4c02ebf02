// `npm run bench:enumeration`: do the account endpoints that take an e-mail
// answer a registered and an unregistered address alike, in body and in
// time? Against the production build on the embedded database (mail to the
// outbox), alternating the two kinds of address. See bench/README.md.
const { once } = require('node:events');
const { rmSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { startLocalServer } = require('./local-server');

const { fetch } = globalThis;
const SAMPLES = 200;
const WARMUP = 20;
const EMAIL = 'bench-known@example.com';
const PASSWORD = 'bench-password-123';

async function main() {
  const { origin, dataDir, server } = await startLocalServer({
    user: { email: EMAIL, password: PASSWORD },
    prefix: 'tessera-bench-enumeration-',
    env: { SIGNUP: 'open', TOKEN_RATE_LIMIT_PER_MINUTE: '100000' },
  });
  try {
    let serial = 0;
    const unknown = () => `bench-unknown-${process.pid}-${serial++}@example.com`;
    const endpoints = [
      {
        name: 'POST /user/request-password-reset/',
        path: '/user/request-password-reset/',
        body: (email) => ({ email }),
      },
      {
        name: 'POST /user/sign-up/ (SIGNUP=open)',
        path: '/user/sign-up/',
        body: (email) => ({ name: 'Bench', email, password: 'another password 123' }),
      },
    ];
    const rows = [];
    for (const endpoint of endpoints) {
      const times = { known: [], unknown: [] };
      const answers = { known: new Set(), unknown: new Set() };
      for (let i = 0; i < WARMUP + SAMPLES; i++) {
        for (const kind of i % 2 ? ['known', 'unknown'] : ['unknown', 'known']) {
          const email = kind === 'known' ? EMAIL : unknown();
          const started = performance.now();
          const res = await fetch(`${origin}${endpoint.path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(endpoint.body(email)),
          });
          const text = await res.text();
          const ms = performance.now() - started;
          if (i >= WARMUP) times[kind].push(ms);
          answers[kind].add(`${res.status} ${text}`);
        }
      }
      const same =
        answers.known.size === 1 &&
        answers.unknown.size === 1 &&
        [...answers.known][0] === [...answers.unknown][0];
      const known = stats(times.known);
      const other = stats(times.unknown);
      rows.push({
        endpoint: endpoint.name,
        'same status and body': same
          ? 'yes'
          : `NO: ${[...answers.known]} / ${[...answers.unknown]}`,
        'registered p50 / p90 ms': `${known.p50} / ${known.p90}`,
        'unregistered p50 / p90 ms': `${other.p50} / ${other.p90}`,
        'p50 difference ms': Math.round((known.p50 - other.p50) * 100) / 100,
      });
    }
    console.table(rows);
    return rows.every((row) => row['same status and body'] === 'yes') ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => Math.round(sorted[Math.floor(q * (sorted.length - 1))] * 100) / 100;
  return { p50: at(0.5), p90: at(0.9) };
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench:enumeration: ${error.stack ?? error}`);
    process.exit(1);
  },
);
