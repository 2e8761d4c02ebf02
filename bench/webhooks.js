// `npm run bench -- --webhooks`: what web hooks cost a write, and how long a
// delivery takes from the write's commit to the receiver. See bench/README.md
// ("Web hooks").
const { Buffer } = require('node:buffer');
const { createServer } = require('node:http');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { setTimeout: sleep } = require('node:timers/promises');
const { Client } = require('pg');
const { Webhook } = require('standardwebhooks');

// Writes per series, one after another: the first WARMUP are not counted.
const WRITES = 200;
const WARMUP = 20;
// How long the run waits for the first delivery before it says writes emit no events.
const FIRST_DELIVERY_MS = 5_000;
const ALL_DELIVERED_MS = 60_000;
const EVENTS = [
  'projectUpdated',
  'projectDeleted',
  'entryTypeCreated',
  'entryTypeUpdated',
  'entryTypeDeleted',
  'entryCreated',
  'entryUpdated',
  'entryDeleted',
  'entryDeletedBulk',
  'entryPublished',
  'mediaCreated',
  'mediaUpdated',
  'mediaDeleted',
  'mediaDeletedBulk',
];

/**
 * (a) POST /project/:id/entry/ one at a time, WRITES of them, in a project
 * without hooks and then in one with a hook wanting every event; (b) for
 * the second series, each delivery's latency: its arrival at a local
 * receiver (which verifies the signature) minus the event's `occurredAt`,
 * taken in the writing transaction, so the figure is commit → receiver plus
 * what is left of the transaction after the event. `context` is the
 * bench's running server and helpers (see run.js).
 */
async function runWebhooks(context) {
  const { api, base, adminToken, databaseUrl, sealingSecret, log } = context;
  const admin = (method, path, body) => api(base, method, path, adminToken, body);
  const receiver = await startReceiver();
  try {
    const withoutHook = await project(admin, 'Bench without hooks');
    log(`webhooks: ${WRITES} entry writes, no hook …`);
    const noHook = await writeSeries(admin, withoutHook);

    const withHook = await project(admin, 'Bench with a hook');
    const hook = await createHook(admin, withHook, receiver, databaseUrl, sealingSecret);
    receiver.secret = hook.secret;
    log(`webhooks: ${WRITES} entry writes, one hook (${hook.madeBy}) …`);
    const oneHook = await writeSeries(admin, withHook);

    const delivery = await awaitDeliveries(receiver, WARMUP + WRITES);
    return {
      writes: WRITES,
      warmup: WARMUP,
      hookMadeBy: hook.madeBy,
      entryWrite: { noHook, oneHook, addedP50Ms: round(oneHook.p50 - noHook.p50, 2) },
      delivery,
    };
  } finally {
    await receiver.close();
  }
}

async function project(admin, name) {
  const created = await admin('POST', '/project/', { name });
  const projectPath = `/project/${created.body.id}`;
  const entryType = await admin('POST', `${projectPath}/entry-type/`, {
    name: 'Note',
    fields: [{ name: 'title', label: 'Title', fieldType: 'TEXT', maxLength: 200 }],
  });
  return { id: created.body.id, projectPath, entryTypeId: entryType.body.id };
}

/** WARMUP + WRITES sequential creates; the milliseconds of the last WRITES. */
async function writeSeries(admin, { projectPath, entryTypeId }) {
  const samples = [];
  for (let n = 1; n <= WARMUP + WRITES; n += 1) {
    const started = performance.now();
    await admin('POST', `${projectPath}/entry/`, {
      entryTypeId,
      name: `Note ${n}`,
      published: '2024-01-01T00:00:00Z',
      tags: [],
      fields: { title: `Note ${n}` },
    });
    if (n > WARMUP) samples.push(performance.now() - started);
  }
  return stats(samples);
}

/** Through the API once it has its routes; until then as the API would: a row, its secret sealed. */
async function createHook(admin, { id, projectPath }, receiver, databaseUrl, sealingSecret) {
  const body = { name: 'bench', url: receiver.url, isActive: true };
  for (const event of EVENTS) body[event] = true;
  try {
    const created = await admin('POST', `${projectPath}/web-hook/`, body);
    return { secret: created.body.secret, madeBy: 'POST /project/:id/web-hook/' };
  } catch (error) {
    if (error.status !== 404) throw error;
  }
  const { HookSecrets } = require(join(__dirname, '..', 'dist/src/webhooks/hook-secrets.js'));
  const secrets = new HookSecrets({ sealingSecret });
  const secret = secrets.generate();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `INSERT INTO web_hook (project_id, name, url, events, secret_sealed)
       VALUES ($1, 'bench', $2, $3, '') RETURNING id`,
      [id, receiver.url, EVENTS],
    );
    await client.query(`UPDATE web_hook SET secret_sealed = $2 WHERE id = $1`, [
      rows[0].id,
      secrets.seal(secret, rows[0].id),
    ]);
  } finally {
    await client.end();
  }
  return { secret, madeBy: 'SQL (no web hook routes yet)' };
}

/**
 * Waits for `count` deliveries (one per entry written after the hook);
 * the latency of all but the first WARMUP events. A run whose writes emit
 * no events says so instead of failing.
 */
async function awaitDeliveries(receiver, count) {
  const started = Date.now();
  // Other events (the entry type made after the hook) arrive too: count the entries'.
  const created = () => receiver.received.filter((hook) => hook.type === 'entryCreated').length;
  while (created() < count) {
    const waited = Date.now() - started;
    if (receiver.received.length === 0 && waited > FIRST_DELIVERY_MS) {
      return { skipped: 'skipped: no delivery arrived (do entry writes emit content events yet?)' };
    }
    if (waited > ALL_DELIVERED_MS) {
      throw new Error(`only ${created()} of ${count} entryCreated deliveries arrived`);
    }
    await sleep(20);
  }
  const unverified = receiver.received.filter((hook) => !hook.verified).length;
  if (unverified > 0) throw new Error(`${unverified} deliveries did not verify`);
  const entries = receiver.received
    .filter((hook) => hook.type === 'entryCreated')
    .sort((a, b) => a.occurredAt - b.occurredAt)
    .slice(WARMUP);
  return { events: entries.length, ...stats(entries.map((hook) => hook.latencyMs)) };
}

/** A receiver that verifies each request, answers 200 at once and keeps its latency. */
async function startReceiver() {
  const receiver = { received: [], secret: undefined, url: undefined, close: undefined };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const arrivedAt = Date.now();
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      let payload;
      try {
        payload = new Webhook(receiver.secret).verify(body, req.headers);
        verified = true;
      } catch {
        payload = JSON.parse(body);
      }
      receiver.received.push({
        verified,
        type: payload.type,
        occurredAt: Date.parse(payload.occurredAt),
        latencyMs: arrivedAt - Date.parse(payload.occurredAt),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  receiver.url = `http://127.0.0.1:${server.address().port}/hook`;
  receiver.close = () => new Promise((resolve) => server.close(resolve));
  return receiver;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    samples: sorted.length,
    mean: round(mean, 2),
    p50: round(at(0.5), 2),
    p99: round(at(0.99), 2),
    max: round(sorted[sorted.length - 1], 2),
  };
}

function round(value, digits) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function printWebhooks(results) {
  const { noHook, oneHook, addedP50Ms } = results.entryWrite;
  console.log(
    `\nPOST entry, ${results.writes} one after another (after ${results.warmup} not counted):\n` +
      `  no hook:  p50 ${noHook.p50} ms, p99 ${noHook.p99} ms, mean ${noHook.mean} ms\n` +
      `  one hook: p50 ${oneHook.p50} ms, p99 ${oneHook.p99} ms, mean ${oneHook.mean} ms` +
      ` (p50 ${addedP50Ms >= 0 ? '+' : ''}${addedP50Ms} ms)`,
  );
  const { delivery } = results;
  console.log(
    delivery.skipped
      ? `\ndelivery latency: ${delivery.skipped}`
      : `\ndelivery latency, event → receiver, ${delivery.events} entryCreated deliveries:` +
          ` p50 ${delivery.p50} ms, p99 ${delivery.p99} ms, max ${delivery.max} ms`,
  );
}

module.exports = { runWebhooks, printWebhooks };
