// The floor for the entry list: the same client-token request Tessera answers
// in the bench (`GET /project/:id/entry/?page=1&pageSize=30`), the same rows
// and the same JSON, from a bare Fastify app with `pg` and nothing around it:
// verify the bearer JWT, run the page's query and the count beside it, send
// the object. No cache, on purpose:
// it is the cost of doing the work once per request, which Tessera's uncached
// path can be held to and its cached path should beat.
//
// Env: PORT, DATABASE_URL (the bench's scratch database), JWKS_URL (Tessera's
// /.well-known/jwks.json, read once at start: the keys it signs with),
// JWT_ISSUER (Tessera's issuer and audience).
const { createPublicKey } = require('node:crypto');
const Fastify = require('fastify');
const jwt = require('jsonwebtoken');
const { Pool } = require('pg');

const { fetch } = globalThis;

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 30;

/** kid → public key, as a consumer verifying offline holds them. */
const publicKeys = new Map();
const verifyOptions = {
  algorithms: ['ES256'],
  ...(process.env.JWT_ISSUER
    ? { issuer: process.env.JWT_ISSUER, audience: process.env.JWT_ISSUER }
    : {}),
};
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

// Tessera's queries for an API client's default list (src/entries/entries.repository.ts:
// published entries only, newest change first, one more than the page to know
// whether another follows; the users' and entry type's names joined to the
// page's rows only), with the entry type's name and field names joined in
// instead of a second query. The total is counted up to 10,001 and estimated
// beyond, on every request: the floor keeps no cache, Tessera keeps totals.
const LIST = `SELECT p.*, et.name AS entry_type_name,
    ARRAY(SELECT d->>'name' FROM jsonb_array_elements(et.fields) d) AS defined,
    u.name AS user_name, mu.name AS modified_by_name
  FROM (SELECT e.id, e.entry_type_id, e.name, e.published, e.tags, e.fields,
               e.user_id, e.modified_by_user_id, e.created_at, e.modified_at
          FROM entry e
         WHERE e.project_id = $1 AND e.published IS NOT NULL AND e.published <= now()
         ORDER BY e.modified_at DESC, e.id DESC
         LIMIT $2 OFFSET $3) p
  JOIN entry_type et ON et.id = p.entry_type_id
  LEFT JOIN "user" u ON u.id = p.user_id
  LEFT JOIN "user" mu ON mu.id = p.modified_by_user_id
  ORDER BY p.modified_at DESC, p.id DESC`;
const EXACT_UP_TO = 10_000;
const MATCHING = `FROM entry e
  WHERE e.project_id = $1 AND e.published IS NOT NULL AND e.published <= now()`;
const COUNT = `SELECT count(*)::int AS total FROM (SELECT 1 ${MATCHING} LIMIT ${EXACT_UP_TO + 1}) capped`;
const ESTIMATE = `EXPLAIN (FORMAT JSON) SELECT 1 ${MATCHING}`;

const app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true } });

app.get('/health', () => ({ ok: true }));

app.get('/project/:projectId/entry', async (request, reply) => {
  const projectId = Number(request.params.projectId);
  const match = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '');
  let claims;
  try {
    const kid = match && jwt.decode(match[1], { complete: true })?.header.kid;
    claims = kid && publicKeys.has(kid) && jwt.verify(match[1], publicKeys.get(kid), verifyOptions);
  } catch {
    claims = undefined;
  }
  if (!claims) return reply.code(401).send({ status: 401, message: 'Unauthorized' });
  if (claims.projectId !== projectId) {
    return reply.code(404).send({ status: 404, message: 'Project not found' });
  }
  const page = positiveInt(request.query.page, 1, 1_000_000);
  const pageSize = positiveInt(request.query.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  if (page === null || pageSize === null) {
    return reply.code(400).send({ status: 400, message: 'Bad page or pageSize' });
  }

  const [{ rows }, counted] = await Promise.all([
    pool.query(LIST, [projectId, pageSize + 1, (page - 1) * pageSize]),
    pool.query(COUNT, [projectId]),
  ]);
  let totalRecords = counted.rows[0].total;
  const estimated = totalRecords > EXACT_UP_TO;
  if (estimated) {
    const plan = (await pool.query(ESTIMATE, [projectId])).rows[0]['QUERY PLAN'];
    totalRecords = Math.max(Math.round(plan[0].Plan['Plan Rows']), EXACT_UP_TO + 1);
  }
  const more = rows.length > pageSize;
  const results = rows.slice(0, pageSize).map(toEntry);
  return reply.send({
    page,
    totalPages: Math.ceil(totalRecords / pageSize),
    totalRecords,
    ...(estimated ? { totalRecordsEstimated: true } : {}),
    // Tessera signs its cursor (an HMAC, a few microseconds); the floor only says whether one follows.
    ...(results.length === 0 && page > 1 ? {} : { nextCursor: more ? 'more' : null }),
    results,
  });
});

function toEntry(row) {
  return {
    id: row.id,
    entryTypeId: row.entry_type_id,
    entryType: { id: row.entry_type_id, name: row.entry_type_name },
    name: row.name,
    published: row.published,
    tags: row.tags,
    fields: definedOnly(row.fields, row.defined),
    userId: row.user_id,
    user: row.user_id === null ? null : { id: row.user_id, name: row.user_name ?? '' },
    modifiedByUserId: row.modified_by_user_id,
    modifiedByUser:
      row.modified_by_user_id === null
        ? null
        : { id: row.modified_by_user_id, name: row.modified_by_name ?? '' },
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

/** As Tessera: values of fields the entry type no longer defines are stored but not shown. */
function definedOnly(fields, defined) {
  const keys = Object.keys(fields);
  if (keys.every((name) => defined.includes(name))) return fields;
  return Object.fromEntries(
    keys.filter((name) => defined.includes(name)).map((k) => [k, fields[k]]),
  );
}

function positiveInt(value, fallback, max) {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

async function loadKeys() {
  const response = await fetch(process.env.JWKS_URL);
  if (!response.ok) throw new Error(`GET ${process.env.JWKS_URL}: ${response.status}`);
  for (const jwk of (await response.json()).keys) {
    publicKeys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
  }
}

loadKeys()
  .then(() => app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }))
  .catch((error) => {
    process.stderr.write(`floor: ${String(error)}\n`);
    process.exit(1);
  });

// The bench ends us with SIGTERM; exit at once instead of draining keep-alive sockets.
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
