// `npm run bench -- --scale`: uncached entry lists at 10k and 1M entries per
// project. See bench/README.md ("Scale") for what each figure means.
const { Buffer } = require('node:buffer');
const http = require('node:http');
const os = require('node:os');
const { URLSearchParams } = require('node:url');
const { Client } = require('pg');

const SIZES = [10_000, 1_000_000];
// Each size has two projects of that size, as in the measurements before.
const PROJECTS_PER_SIZE = 2;
// Names are three words out of these: a word is in ≈ 1 % of them.
const VOCABULARY_SIZE = 300;
// One tag an entry out of 20: a tag is on ≈ 5 % of them.
const TAG_COUNT = 20;
const BODY_CHARS = 580;
const CONCURRENCY = 10;
// The floor comparison runs as the main bench's scenarios do.
const THROUGHPUT_CONNECTIONS = 50;
const THROUGHPUT_SECONDS = 10;
const SAMPLES = { sequential: 300, concurrent: 1000, deep: 1000 };
// Pages of the full walk: page size, and at most this long (it stops early, saying so).
const WALK_PAGE_SIZE = 100;
const WALK_SECONDS = 120;
// pageSize is a real parameter of the list, part of the cache's canonical key:
// each value is another page, so varying it is how a request misses the cache.
// 11–50: 30.5 entries a page on average, the reference page of 30.
const PAGE_SIZES = Array.from({ length: 40 }, (_, i) => i + 11);

/**
 * Loads and measures each size in turn; `context` is the bench's running
 * server and helpers (see run.js). Returns the rows of the table.
 */
async function runScale(context) {
  const { databaseUrl, log } = context;
  const connect = async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return client;
  };
  const db = await connect();
  try {
    const { rows } = await db.query(`SELECT id FROM "user" WHERE email = $1`, [context.email]);
    const userId = rows[0].id;
    const results = [];
    for (const size of SIZES) {
      log(`scale: ${size.toLocaleString('en-US')} entries × ${PROJECTS_PER_SIZE} projects …`);
      const world = await createWorld({ ...context, connect }, db, size, userId);
      results.push({ size, load: world.load, ...(await measure(context, world)) });
    }
    return results;
  } finally {
    await db.end();
  }
}

/** Projects, entry types and clients through the API; the entries by SQL. */
async function createWorld(context, db, size, userId) {
  const { api, base, adminToken } = context;
  const admin = (method, path, body) => api(base, method, path, adminToken, body);
  const projects = [];
  for (let p = 0; p < PROJECTS_PER_SIZE; p++) {
    const project = (await admin('POST', '/project/', { name: `Scale ${size} ${p + 1}` })).body;
    const path = `/project/${project.id}`;
    const typeBody = {
      name: 'Article',
      fields: [
        { name: 'title', label: 'Title', fieldType: 'TEXT', maxLength: 200 },
        { name: 'body', label: 'Body text', fieldType: 'LONGTEXT' },
        { name: 'rating', label: 'Rating', fieldType: 'NUMBER' },
      ],
    };
    const type = (await admin('POST', `${path}/entry-type/`, typeBody)).body;
    const client = (await admin('POST', `${path}/client/`, { name: 'scale' })).body;
    const token = (
      await api(base, 'POST', `${path}/client/authenticate`, undefined, {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        grant_type: 'client_credentials',
      })
    ).body.access_token;
    projects.push({ id: project.id, path, typeId: type.id, typeBody, token });
  }
  const load = await loadEntries(context.connect, size, projects, userId, context.log);
  const visible = await db.query(
    `SELECT project_id, count(*)::int AS n FROM entry
      WHERE project_id = ANY($1::int[]) AND published <= now() GROUP BY project_id`,
    [projects.map((project) => project.id)],
  );
  for (const project of projects) {
    project.visible = visible.rows.find((row) => row.project_id === project.id)?.n ?? 0;
  }
  return { size, projects, load, vocabulary: vocabulary(), tags: tags() };
}

/**
 * One INSERT … generate_series per project, the projects side by side on
 * their own connections. As pg_restore does, the table's secondary indexes
 * are dropped for the load and built again from their own definitions
 * afterwards (two at a time), and triggers and foreign-key checks are off
 * (session_replication_role = replica: the rows are made valid, and the
 * sync API's change marker keeps its default, "older than any sync"). The
 * heap is vacuumed before the indexes exist (the visibility map, which
 * index-only counts need) and analyzed after: autovacuum would do both in
 * time.
 */
async function loadEntries(connect, size, projects, userId, log) {
  const started = Date.now();
  const sessions = await Promise.all(projects.map(() => connect()));
  const [db] = sessions;
  try {
    for (const session of sessions) {
      await session.query(`SET session_replication_role = replica`);
      await session.query(`SET synchronous_commit = off`);
      await session.query(`SET maintenance_work_mem = '512MB'`);
    }
    const { rows: indexes } = await db.query(
      `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = 'entry'::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    );
    for (const index of indexes) await db.query(`DROP INDEX ${quoteIdent(index.name)}`);
    const times = {};
    try {
      await Promise.all(
        projects.map((project, i) => insertEntries(sessions[i], project, size, userId)),
      );
      times.inserted = Date.now();
      await db.query(`VACUUM entry`);
      times.vacuumed = Date.now();
    } finally {
      // Put back as they were, also when the load failed; trigram indexes
      // (the slowest to build) first, the rest beside them.
      const queue = [...indexes].sort((a, b) => gin(b) - gin(a));
      await Promise.all(
        sessions.map(async (session) => {
          for (let index = queue.shift(); index; index = queue.shift()) {
            await session.query(index.definition);
          }
        }),
      );
    }
    times.indexed = Date.now();
    await db.query(`ANALYZE entry`);
    const load = {
      insertSeconds: seconds(times.inserted - started),
      vacuumSeconds: seconds(times.vacuumed - times.inserted),
      indexSeconds: seconds(times.indexed - times.vacuumed),
      analyzeSeconds: seconds(Date.now() - times.indexed),
      totalSeconds: seconds(Date.now() - started),
    };
    log(
      `scale: loaded ${(size * projects.length).toLocaleString('en-US')} entries in ${load.totalSeconds} s ` +
        `(insert ${load.insertSeconds} s, vacuum ${load.vacuumSeconds} s, ` +
        `${indexes.length} indexes ${load.indexSeconds} s, analyze ${load.analyzeSeconds} s)`,
    );
    return load;
  } finally {
    await Promise.all(sessions.map((session) => session.end()));
  }
}

function gin(index) {
  return /USING gin/i.test(index.definition) ? 1 : 0;
}

async function insertEntries(db, project, size, userId) {
  // Names are three words of the vocabulary; the entry number is in the title.
  await db.query(
    `INSERT INTO entry (project_id, entry_type_id, user_id, modified_by_user_id, name,
                        published, tags, fields, created_at, modified_at)
     SELECT $1, $2, $3, $3,
            ($5::text[])[1 + (hashint4(n * 7 + 1) & 2147483647) % cardinality($5::text[])] || ' ' ||
            ($5::text[])[1 + (hashint4(n * 7 + 2) & 2147483647) % cardinality($5::text[])] || ' ' ||
            ($5::text[])[1 + (hashint4(n * 7 + 3) & 2147483647) % cardinality($5::text[])],
            CASE WHEN r % 100 < 5 THEN NULL
                 WHEN r % 100 < 10 THEN now() + interval '1 day' + (r % 1000) * interval '1 hour'
                 ELSE created + interval '1 hour' END,
            ARRAY[($6::text[])[1 + (hashint4(n * 7 + 4) & 2147483647) % cardinality($6::text[])]],
            jsonb_build_object('title', 'Title ' || n, 'body', n || ' ' || $7::text, 'rating', n % 5),
            created,
            created + (hashint4(n * 7 + 5) & 2147483647) % 100000 * interval '1 second'
       FROM (SELECT n, hashint4(n * 7) & 2147483647 AS r,
                    now() - interval '3 years' + n * (interval '3 years' / $4::int) AS created
               FROM generate_series(1, $4::int) AS n) AS s`,
    [project.id, project.typeId, userId, size, vocabulary(), tags(), bodyText()],
  );
}

/** Five-letter words, none inside another, so `search=<word>` matches what it says. */
function vocabulary() {
  const consonants = 'bcdfghklmnprstvz';
  const vowels = 'aeiou';
  const words = [];
  for (let i = 0; words.length < VOCABULARY_SIZE; i++) {
    words.push(
      consonants[i % 16] +
        vowels[Math.floor(i / 16) % 5] +
        consonants[Math.floor(i / 80) % 16] +
        vowels[(i * 3) % 5] +
        consonants[(i * 7 + 3) % 16],
    );
  }
  return words;
}

function tags() {
  return Array.from({ length: TAG_COUNT }, (_, i) => `topic${String(i).padStart(2, '0')}`);
}

function bodyText() {
  const words = 'content delivery keeps pages small and fast while editors publish articles'.split(
    ' ',
  );
  let text = '';
  for (let i = 0; text.length < BODY_CHARS; i++) text += `${words[(i * 7) % words.length]} `;
  return text.slice(0, BODY_CHARS).trimEnd();
}

/** Every kind of read at this size; the rows of the table. */
async function measure(context, world) {
  const { base, log } = context;
  const [first, second] = world.projects;
  const agent = new http.Agent({ keepAlive: true, maxSockets: THROUGHPUT_CONNECTIONS });
  const rows = [];
  const bump = generationBump(context, world.projects);
  const run = async (name, options) => {
    const row = { name, ...(await closedLoop(base, agent, options)) };
    // The machine may be shared: its load over the last minute, beside the figures.
    row.loadAverage = round(os.loadavg()[0], 1);
    rows.push(row);
    log(
      `scale: ${world.size.toLocaleString('en-US')}: ${name}: p50 ${row.p50} ms, p99 ${row.p99} ms, ` +
        `${row.perSecond} req/s${row.failed ? `, ${row.failed} FAILED` : ''} (load ${row.loadAverage})`,
    );
    if (row.failed) {
      log(`scale: first failure: ${row.firstFailure}\n${context.serverOutput().join('\n')}`);
    }
    return row;
  };
  const listOf = (project, query) => ({
    path: `${project.path}/entry/?${query}`,
    token: project.token,
  });
  const pageOne = world.projects.flatMap((project) =>
    PAGE_SIZES.map((pageSize) => listOf(project, `pageSize=${pageSize}`)),
  );

  const warm = { warm: (paths) => warmTotals(base, agent, paths) };
  await run('page 1, one at a time', {
    concurrency: 1,
    requests: SAMPLES.sequential,
    next: misses(pageOne, bump, warm),
  });
  await run(`page 1, ${CONCURRENCY} concurrent`, {
    concurrency: CONCURRENCY,
    requests: SAMPLES.concurrent,
    next: misses(pageOne, bump, warm),
  });
  const someWords = world.vocabulary.slice(0, 10);
  const wordPages = someWords.flatMap((word) =>
    world.projects.flatMap((project) =>
      PAGE_SIZES.map((pageSize) => listOf(project, `search=${word}&pageSize=${pageSize}`)),
    ),
  );
  await run(`search=<word> (≈ 1 %), ${CONCURRENCY} concurrent`, {
    concurrency: CONCURRENCY,
    requests: SAMPLES.concurrent,
    next: misses(shuffled(wordPages), bump, warm),
  });
  const tagPages = world.tags.flatMap((tag) =>
    world.projects.flatMap((project) =>
      PAGE_SIZES.map((pageSize) => listOf(project, `tags=${tag}&pageSize=${pageSize}`)),
    ),
  );
  await run(`tags=<tag> (≈ 5 %), ${CONCURRENCY} concurrent`, {
    concurrency: CONCURRENCY,
    requests: SAMPLES.concurrent,
    next: misses(shuffled(tagPages), bump, warm),
  });
  const orders = ['name', '-name', 'createdAt', 'modifiedAt', 'published', '-published'];
  const orderPages = orders.flatMap((orderBy) =>
    world.projects.flatMap((project) =>
      PAGE_SIZES.map((pageSize) => listOf(project, `orderBy=${orderBy}&pageSize=${pageSize}`)),
    ),
  );
  await run(`page 1, other orders (${orders.join(', ')}), ${CONCURRENCY} concurrent`, {
    concurrency: CONCURRENCY,
    requests: SAMPLES.concurrent,
    next: misses(shuffled(orderPages), bump, warm),
  });
  const memberOrders = ['-modifiedAt', '-published', 'published', 'name'];
  const memberPages = memberOrders.flatMap((orderBy) =>
    world.projects.flatMap((project) =>
      PAGE_SIZES.map((pageSize) => ({
        path: `${project.path}/entry/?nonPublished=1&orderBy=${orderBy}&pageSize=${pageSize}`,
        token: context.adminToken,
      })),
    ),
  );
  await run(
    `page 1, a member with drafts (${memberOrders.join(', ')}), ${CONCURRENCY} concurrent`,
    {
      concurrency: CONCURRENCY,
      requests: SAMPLES.concurrent,
      next: misses(shuffled(memberPages), bump, warm),
    },
  );

  log(`scale: ${world.size}: walking every page of project ${first.id} by cursor …`);
  const walk = await walkAll(base, agent, first);
  rows.push(walk.row);
  const deep = shuffled(
    walk.cursors.flatMap((cursor) =>
      PAGE_SIZES.map((pageSize) =>
        listOf(first, `pageSize=${pageSize}&cursor=${encodeURIComponent(cursor)}`),
      ),
    ),
  );
  await run(`deep page via cursor (depth ${walk.cursorDepths}), ${CONCURRENCY} concurrent`, {
    concurrency: CONCURRENCY,
    requests: Math.min(SAMPLES.deep, deep.length),
    next: misses(deep, bump, warm),
  });

  // The first read after a write also counts its list's total: each request
  // here is the first of its filter in its content generation.
  await run('first read after a write: page 1, one at a time', {
    concurrency: 1,
    requests: SAMPLES.sequential,
    next: misses(
      world.projects.map((project) => listOf(project, 'pageSize=30')),
      bump,
    ),
  });
  const eachWord = shuffled(
    world.vocabulary.flatMap((word, w) =>
      world.projects.map((project, p) =>
        listOf(project, `search=${word}&pageSize=${pageSizeOf(w + p)}`),
      ),
    ),
  );
  await run(`first read after a write: search=<word>, ${CONCURRENCY} concurrent`, {
    concurrency: CONCURRENCY,
    requests: SAMPLES.concurrent,
    next: misses(eachWord, bump),
  });
  const eachTag = world.tags.flatMap((tag, t) =>
    world.projects.map((project, p) =>
      listOf(project, `tags=${tag}&pageSize=${pageSizeOf(t + p)}`),
    ),
  );
  await run(`first read after a write: tags=<tag>, ${CONCURRENCY} concurrent`, {
    concurrency: CONCURRENCY,
    requests: SAMPLES.concurrent,
    next: misses(eachTag, bump),
  });

  const hit = listOf(second, 'pageSize=30');
  await request(base, agent, hit);
  await run(`cached hit, ${CONCURRENCY} concurrent`, {
    concurrency: CONCURRENCY,
    requests: SAMPLES.concurrent,
    next: () => hit,
  });

  const throughput =
    world.size === SIZES[0]
      ? await floorComparison(
          context,
          await context.startFloor(`${first.path}/entry/?page=1&pageSize=30`, first.token),
          agent,
          world,
          bump,
          run,
        )
      : undefined;
  agent.destroy();
  return { rows, walk: walk.summary, throughput };
}

/**
 * Tessera's uncached page 1 against bench/floor.js, same URLs (page 1,
 * each of PAGE_SIZES, both projects), same client, THROUGHPUT_CONNECTIONS
 * connections for THROUGHPUT_SECONDS.
 */
async function floorComparison(context, floorBase, agent, world, bump, run) {
  const pages = world.projects.flatMap((project) =>
    PAGE_SIZES.map((pageSize) => ({
      path: `${project.path}/entry/?page=1&pageSize=${pageSize}`,
      token: project.token,
    })),
  );
  let i = 0;
  const floorRow = await run(
    `floor (bench/floor.js), page 1, ${THROUGHPUT_CONNECTIONS} connections`,
    {
      origin: floorBase,
      concurrency: THROUGHPUT_CONNECTIONS,
      seconds: THROUGHPUT_SECONDS,
      next: () => pages[i++ % pages.length],
    },
  );
  const tesseraRow = await run(`Tessera, uncached page 1, ${THROUGHPUT_CONNECTIONS} connections`, {
    concurrency: THROUGHPUT_CONNECTIONS,
    seconds: THROUGHPUT_SECONDS,
    next: misses(pages, bump, { warm: (paths) => warmTotals(context.base, agent, paths) }),
  });
  return {
    floorPerSecond: floorRow.perSecond,
    tesseraPerSecond: tesseraRow.perSecond,
    ratio: round(tesseraRow.perSecond / floorRow.perSecond, 2),
  };
}

/**
 * A write to every project of the world that changes no entry (an entry
 * type saved as it is): the content generation moves on, so every cached
 * page and total of these projects is stale.
 */
function generationBump(context, projects) {
  const { api, base, adminToken } = context;
  return () =>
    Promise.all(
      projects.map((project) =>
        api(
          base,
          'PUT',
          `${project.path}/entry-type/${project.typeId}`,
          adminToken,
          project.typeBody,
        ),
      ),
    );
}

/**
 * Requests that all miss the delivery cache: each of `variants` once per
 * content generation, then a bump (a write) and again. Half of them (every
 * other one) in one generation and the other half in the next, and a bump
 * waits for the requests of two generations ago: a request still in flight
 * when its generation ended is computed and cached under the new one, and
 * must not be asked for again there. With `warm`, each list's total is
 * counted after every bump, before the requests that are measured.
 */
function misses(variants, bump, { warm } = {}) {
  const halves = [variants.filter((_, i) => i % 2 === 0), variants.filter((_, i) => i % 2 === 1)];
  const totals = [
    ...new Set(variants.map(({ path, token }) => JSON.stringify(totalPath(path, token)))),
  ].map((text) => JSON.parse(text));
  let generation = 0;
  let index = 0;
  let bumping;
  const inFlight = [new Set(), new Set()];
  const started = (async () => {
    await bump();
    await warm?.(totals);
  })();
  return async () => {
    await started;
    for (;;) {
      if (bumping) {
        await bumping;
        continue;
      }
      const half = halves[generation % 2];
      if (index < half.length) {
        const own = inFlight[generation % 2];
        let settle;
        const settled = new Promise((resolve) => {
          settle = resolve;
        });
        own.add(settled);
        return {
          ...half[index++],
          done: () => {
            own.delete(settled);
            settle();
          },
        };
      }
      bumping = (async () => {
        await Promise.all(inFlight[(generation + 1) % 2]);
        await bump();
        await warm?.(totals);
        generation += 1;
        index = 0;
      })().finally(() => {
        bumping = undefined;
      });
    }
  };
}

/**
 * A page of the same list that no measured request asks for (page 2 of
 * one entry each): asking it counts the list's total.
 */
function totalPath(path, token) {
  const [route, query] = path.split('?');
  const params = new URLSearchParams(query);
  params.delete('cursor');
  params.set('pageSize', '1');
  params.set('page', '2');
  return { path: `${route}?${params}`, token };
}

/**
 * Asks each list once, so its total is counted before the measurement (a
 * failure here shows as one in the measured requests that follow).
 */
async function warmTotals(base, agent, paths) {
  for (let i = 0; i < paths.length; i += CONCURRENCY) {
    await Promise.all(
      paths.slice(i, i + CONCURRENCY).map((item) => request(base, agent, item, true)),
    );
  }
}

/**
 * Every page of the project's published list, newest change first, by
 * cursor, one at a time: each entry must come exactly once. Keeps a cursor
 * every 1 % of the way for the deep-page measurement.
 */
async function walkAll(base, agent, project) {
  const started = Date.now();
  const seen = new Set();
  const latencies = [];
  const cursors = [];
  const depths = [];
  let duplicates = 0;
  let cursor = null;
  let pages = 0;
  let truncated = false;
  const every = Math.max(1, Math.floor(project.visible / WALK_PAGE_SIZE / 100));
  do {
    if (Date.now() - started > WALK_SECONDS * 1000) {
      truncated = true;
      break;
    }
    const path = `${project.path}/entry/?pageSize=${WALK_PAGE_SIZE}${
      cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
    }`;
    const response = await request(base, agent, { path, token: project.token }, true);
    if (response.status !== 200) throw new Error(`walk: ${path} answered ${response.status}`);
    latencies.push(response.ms);
    const page = JSON.parse(response.body);
    for (const entry of page.results) {
      if (seen.has(entry.id)) duplicates++;
      seen.add(entry.id);
    }
    cursor = page.nextCursor;
    pages++;
    if (cursor && pages % every === 0) {
      cursors.push(cursor);
      depths.push(seen.size);
    }
  } while (cursor);
  const summary = {
    entriesVisible: project.visible,
    entriesSeen: seen.size,
    duplicates,
    pages,
    complete: !truncated,
    seconds: seconds(Date.now() - started),
  };
  if (!truncated && (seen.size !== project.visible || duplicates > 0)) {
    throw new Error(`walk: ${JSON.stringify(summary)}: not every entry exactly once`);
  }
  const depthRange = depths.length
    ? `${depths[0].toLocaleString('en-US')}–${depths.at(-1).toLocaleString('en-US')}`
    : 'none';
  return {
    cursors,
    cursorDepths: depthRange,
    summary,
    row: {
      name: `walk: every page by cursor, ${WALK_PAGE_SIZE} a page, one at a time${
        truncated ? ` (stopped after ${WALK_SECONDS} s)` : ''
      }`,
      ...stats(latencies, Date.now() - started),
      statuses: { 200: latencies.length },
    },
  };
}

/**
 * `concurrency` requests in flight at all times (each starts when one
 * ends), for `requests` requests or `seconds`; their latencies.
 */
async function closedLoop(base, agent, { origin = base, concurrency, requests, seconds: s, next }) {
  const latencies = [];
  const statuses = {};
  let sent = 0;
  const started = Date.now();
  const deadline = s ? started + s * 1000 : Infinity;
  let failed = 0;
  let firstFailure;
  const worker = async () => {
    while ((requests === undefined || sent < requests) && Date.now() < deadline) {
      sent++;
      const item = await next();
      const response = await request(origin, agent, item, true);
      item.done?.();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      latencies.push(response.ms);
      if (response.status !== 200) {
        failed++;
        firstFailure ??= `GET ${item.path}: ${response.status} ${response.body.slice(0, 200)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    ...stats(latencies, Date.now() - started),
    statuses,
    ...(failed ? { failed, firstFailure } : {}),
  };
}

function stats(latencies, elapsedMs) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))], 1);
  return {
    requests: sorted.length,
    perSecond: round(sorted.length / (elapsedMs / 1000), 1),
    p50: at(0.5),
    p99: at(0.99),
    max: round(sorted.at(-1), 1),
  };
}

/**
 * One GET; its status, time to the last byte in ms, and (if asked) its
 * body. Without `keepBody`, anything but a 200 fails it.
 */
function request(origin, agent, { path, token }, keepBody = false) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(
      `${origin}${path}`,
      { agent, headers: { authorization: `Bearer ${token}` } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => {
          if (keepBody || response.statusCode !== 200) chunks.push(chunk);
        });
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString();
          if (response.statusCode !== 200 && !keepBody) {
            reject(new Error(`GET ${path}: ${response.statusCode} ${body.slice(0, 300)}`));
            return;
          }
          resolve({
            status: response.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            body,
          });
        });
        response.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

function pageSizeOf(i) {
  return PAGE_SIZES[i % PAGE_SIZES.length];
}

/** The same items in a random order, so concurrent requests mix filters and projects. */
function shuffled(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function seconds(ms) {
  return round(ms / 1000, 1);
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The table: one line per kind of read and size. */
function printScale(results) {
  for (const { size, load, rows, walk, throughput } of results) {
    console.log(
      `\n${size.toLocaleString('en-US')} entries per project (${PROJECTS_PER_SIZE} projects), ` +
        `loaded in ${load.totalSeconds} s; ms, time to the last byte`,
    );
    const header = ['read', 'requests', 'failed', 'req/s', 'p50', 'p99', 'max', 'load'];
    const lines = rows.map((row) => [
      row.name,
      String(row.requests),
      String(row.failed ?? 0),
      String(row.perSecond),
      String(row.p50),
      String(row.p99),
      String(row.max),
      String(row.loadAverage ?? '-'),
    ]);
    const widths = header.map((_, i) =>
      Math.max(...[header, ...lines].map((line) => line[i].length)),
    );
    for (const line of [header, widths.map((w) => '-'.repeat(w)), ...lines]) {
      console.log(
        line
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
          .join('  '),
      );
    }
    console.log(
      `walk: ${walk.entriesSeen.toLocaleString('en-US')} of ${walk.entriesVisible.toLocaleString('en-US')} ` +
        `visible entries in ${walk.pages} pages, ${walk.duplicates} twice, ${walk.seconds} s` +
        (walk.complete ? '' : ' (stopped early)'),
    );
    if (throughput) {
      console.log(
        `uncached page 1: Tessera ${throughput.tesseraPerSecond} req/s, floor ${throughput.floorPerSecond} req/s ` +
          `(${throughput.ratio} × the floor)`,
      );
    }
  }
}

module.exports = { runScale, printScale };
