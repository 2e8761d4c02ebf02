// The floor for the entry list: the same client-token request Tessera answers
// in the bench (`GET /project/:id/entry/?page=1&pageSize=30`), the same rows
// and the same JSON, from a bare Fastify app with `pg` and nothing around it:
// verify the bearer JWT, run one query, send the object. No cache, on purpose:
// it is the cost of doing the work once per request, which Tessera's uncached
// path can be held to and its cached path should beat.
//
// Env: PORT, DATABASE_URL (the bench's scratch database), JWT_SECRET (the one
// Tessera signs with), JWT_ISSUER (Tessera's issuer and audience).
const { Buffer } = require('node:buffer');
const { createSecretKey } = require('node:crypto');
const Fastify = require('fastify');
const jwt = require('jsonwebtoken');
const { Pool } = require('pg');

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 30;

const key = createSecretKey(Buffer.from(process.env.JWT_SECRET ?? '', 'utf8'));
const verifyOptions = {
  algorithms: ['HS256'],
  ...(process.env.JWT_ISSUER
    ? { issuer: process.env.JWT_ISSUER, audience: process.env.JWT_ISSUER }
    : {}),
};
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

// Tessera's query for an API client's default list (src/entries/entries.service.ts:
// published entries only, newest change first, the total with the page), with the
// entry type's name and field names joined in instead of a second query.
const LIST = `SELECT count(*) OVER ()::int AS total, e.id, e.entry_type_id,
    et.name AS entry_type_name, ARRAY(SELECT d->>'name' FROM jsonb_array_elements(et.fields) d) AS defined,
    e.name, e.published, e.tags, e.fields,
    e.user_id, u.name AS user_name, e.modified_by_user_id, mu.name AS modified_by_name,
    e.created_at, e.modified_at
  FROM entry e
  JOIN entry_type et ON et.id = e.entry_type_id AND et.project_id = e.project_id
  LEFT JOIN "user" u ON u.id = e.user_id
  LEFT JOIN "user" mu ON mu.id = e.modified_by_user_id
  WHERE e.project_id = $1 AND e.published IS NOT NULL AND e.published <= now()
  ORDER BY e.modified_at DESC, e.id DESC
  LIMIT $2 OFFSET $3`;
const COUNT = `SELECT count(*)::int AS total FROM entry e
  WHERE e.project_id = $1 AND e.published IS NOT NULL AND e.published <= now()`;

const app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true } });

app.get('/health', () => ({ ok: true }));

app.get('/project/:projectId/entry', async (request, reply) => {
  const projectId = Number(request.params.projectId);
  const match = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '');
  let claims;
  try {
    claims = match && jwt.verify(match[1], key, verifyOptions);
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

  const { rows } = await pool.query(LIST, [projectId, pageSize, (page - 1) * pageSize]);
  const totalRecords =
    rows[0]?.total ?? (page > 1 ? (await pool.query(COUNT, [projectId])).rows[0].total : 0);
  return reply.send({
    page,
    totalPages: Math.ceil(totalRecords / pageSize),
    totalRecords,
    results: rows.map(toEntry),
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

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error) => {
  process.stderr.write(`floor: ${String(error)}\n`);
  process.exit(1);
});

// The bench ends us with SIGTERM; exit at once instead of draining keep-alive sockets.
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
