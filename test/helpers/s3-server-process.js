// Runs s3rver (an S3-compatible server in Node) for the tests, in a child
// process because it encrypts its ListObjectsV2 continuation tokens with DES,
// which OpenSSL 3 only offers with --openssl-legacy-provider: a flag for this
// process alone, never for the code under test. Argument: the data directory.
// Tells the parent `{ port }` once listening; stops when told `close` or when
// the parent goes away.
const S3rver = require('s3rver');

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: process.argv[2],
  configureBuckets: [{ name: 'media' }],
});

function stop() {
  server.close().finally(() => process.exit(0));
}

process.on('disconnect', stop);
process.on('message', (message) => {
  if (message === 'close') stop();
});

server.run().then(
  ({ port }) => process.send({ port }),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
