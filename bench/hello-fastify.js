// The ceiling for the benchmark: the smallest Fastify app, same framework and
// same machine as Tessera, so the ratio shows what Nest, helmet, logging and
// the route's own work cost on top of Fastify itself (and how fast autocannon
// can go here). Its counterpart with the work, floor.js, answers the entry list.
const Fastify = require('fastify');

const app = Fastify({ logger: false });
app.get('/', () => ({ hello: 'world' }));

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error) => {
  process.stderr.write(`hello-fastify: ${String(error)}\n`);
  process.exit(1);
});

// The bench ends us with SIGTERM; exit at once instead of draining keep-alive sockets.
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
