// `npm run bench -- --renditions`: what an image rendition costs, served from
// storage and made for the first time. See bench/README.md ("Renditions").
const { Blob, Buffer } = require('node:buffer');
const { readdirSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const sharp = require('sharp');

const { fetch, FormData, AbortSignal, URL } = globalThis;

// The original: 1600 × 1200, a photo-sized JPEG (see photo()).
const ORIGINAL = { width: 1600, height: 1200 };
const RENDITION = 'w=400&format=webp';
const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 10;
// First renditions, one after another; each asks for another quality, so none is stored yet.
// Qualities 79 down to 60: never 80, the default, which is the stored rendition of (a).
const FIRST_SAMPLES = 20;
const FIRST_QUALITY = 79;

/**
 * Uploads one photo as the admin, reads it with an API client's token as a
 * website would, and measures (a) a stored 400 px WebP rendition under load
 * and (b) making such a rendition, one at a time. `context` is the bench's
 * running server and helpers (see run.js).
 */
async function runRenditions(context) {
  const { api, base, adminToken, dataDir, log } = context;
  const admin = (method, path, body) => api(base, method, path, adminToken, body);
  const project = await admin('POST', '/project/', { name: 'Bench media' });
  const projectPath = `/project/${project.body.id}`;
  const client = await admin('POST', `${projectPath}/client/`, { name: 'bench' });
  const token = await api(base, 'POST', `${projectPath}/client/authenticate`, undefined, {
    client_id: client.body.clientId,
    client_secret: client.body.clientSecret,
    grant_type: 'client_credentials',
  });
  const headers = { authorization: `Bearer ${token.body.access_token}` };

  const jpeg = await photo();
  const media = await upload(base, projectPath, adminToken, jpeg);
  log(`renditions: uploaded a ${ORIGINAL.width} × ${ORIGINAL.height} JPEG of ${jpeg.length} bytes`);

  // The media's URL is under PUBLIC_URL (localhost by default); ask the server the bench started.
  const fileUrl = `${base}${new URL(media.url).pathname}`;
  // (a) The rendition is made by the first request, then served from storage.
  const url = `${fileUrl}?${RENDITION}`;
  const first = await get(url, headers);
  if (first.contentType !== 'image/webp') {
    throw new Error(`GET ${url} answered ${first.contentType}, not image/webp`);
  }
  const size = await sharp(first.body).metadata();
  if (size.width !== 400) throw new Error(`GET ${url} answered ${size.width} px wide, not 400`);
  log(`renditions: stored hit, ${CONNECTIONS} connections, ${DURATION_SECONDS} s …`);
  await autocannon({ url, headers, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  const hit = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  const statusCodes = Object.fromEntries(
    Object.entries(hit.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
  );

  // (b) Each request another quality: another key, so another rendition made.
  log(`renditions: ${FIRST_SAMPLES} first requests, one at a time …`);
  const durations = [];
  for (let i = 0; i < FIRST_SAMPLES; i++) {
    const started = process.hrtime.bigint();
    const made = await get(`${fileUrl}?${RENDITION}&q=${FIRST_QUALITY - i}`, headers);
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (made.contentType !== 'image/webp') throw new Error(`first request ${i + 1}: not WebP`);
  }
  // Each first request must have made its own file: (a)'s and one per sample.
  const folder = join(dataDir, 'media', String(project.body.id), 'renditions');
  const made = readdirSync(folder, { recursive: true }).filter((name) => name.endsWith('.webp'));
  if (made.length !== FIRST_SAMPLES + 1) {
    throw new Error(
      `${made.length} renditions stored, not ${FIRST_SAMPLES + 1}: some were not made`,
    );
  }
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    original: { ...ORIGINAL, bytes: jpeg.length, mimeType: 'image/jpeg' },
    rendition: { query: RENDITION, bytes: first.body.length },
    storedHit: {
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_SECONDS,
      durationSeconds: DURATION_SECONDS,
      requestsPerSecond: round(hit.requests.average, 1),
      latencyP50Ms: hit.latency.p50,
      latencyP99Ms: hit.latency.p99,
      requests: hit.requests.total,
      errors: hit.errors,
      timeouts: hit.timeouts,
      statusCodes,
      failed: hit.errors + hit.non2xx,
    },
    firstRequest: {
      samples: FIRST_SAMPLES,
      medianMs: round(median(sorted), 1),
      minMs: round(sorted[0], 1),
      maxMs: round(sorted.at(-1), 1),
      allMs: durations.map((ms) => round(ms, 1)),
    },
    loadAverage: os.loadavg().map((load) => round(load, 2)),
  };
}

function printRenditions(results) {
  const { storedHit, firstRequest, original, rendition } = results;
  console.log(
    `\nrenditions of a ${original.width} × ${original.height} JPEG (${original.bytes.toLocaleString('en-US')} bytes), ` +
      `?${rendition.query} (${rendition.bytes.toLocaleString('en-US')} bytes), Node ${process.version}, ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, load ${results.loadAverage.join(' ')}\n`,
  );
  console.log(
    `stored rendition, ${storedHit.connections} connections, ${storedHit.durationSeconds} s: ` +
      `${Math.round(storedHit.requestsPerSecond).toLocaleString('en-US')} req/s, ` +
      `p50 ${storedHit.latencyP50Ms} ms, p99 ${storedHit.latencyP99Ms} ms, ` +
      `${storedHit.failed} failed`,
  );
  console.log(
    `first request (made and stored), ${firstRequest.samples} one at a time: ` +
      `median ${firstRequest.medianMs} ms, min ${firstRequest.minMs} ms, max ${firstRequest.maxMs} ms`,
  );
}

/**
 * A photo-like JPEG: smooth colour fields (a tiny random image blown up)
 * with a little grain, so that neither decoding nor encoding meets the easy
 * case of one flat colour.
 */
async function photo() {
  const tiny = Buffer.alloc(16 * 12 * 3);
  for (let i = 0; i < tiny.length; i++) tiny[i] = (i * 7919 + 13) % 251;
  const smooth = await sharp(tiny, { raw: { width: 16, height: 12, channels: 3 } })
    .resize(ORIGINAL.width, ORIGINAL.height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const grain = await sharp({
    create: {
      ...ORIGINAL,
      channels: 3,
      background: { r: 128, g: 128, b: 128 },
      noise: { type: 'gaussian', mean: 128, sigma: 12 },
    },
  })
    .raw()
    .toBuffer();
  return sharp(smooth, { raw: { ...ORIGINAL, channels: 3 } })
    .composite([{ input: grain, raw: { ...ORIGINAL, channels: 3 }, blend: 'soft-light' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

async function upload(base, projectPath, token, bytes) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`${base}${projectPath}/media/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== 201) {
    throw new Error(`POST ${projectPath}/media/upload answered ${response.status}: ${text}`);
  }
  return JSON.parse(text);
}

async function get(url, headers) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) {
    throw new Error(`GET ${url} answered ${response.status}: ${body.toString().slice(0, 300)}`);
  }
  return { body, contentType: response.headers.get('content-type') };
}

function median(sorted) {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

module.exports = { runRenditions, printRenditions };
