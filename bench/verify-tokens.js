// The in-process cost of verifying one access token, the work every
// authenticated request starts with: HS256 as Tessera verified before
// signing keys, ES256 seen for the first time, and ES256 again (the
// verified-token cache). No server, no database: AccessTokenService and
// SigningKeyService from src/, compiled on the fly with swc as the tests are.
//
//   node bench/verify-tokens.js [verifies per scenario, default 50000]
const { readFileSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const swc = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require('reflect-metadata');
const { JwtService } = require('@nestjs/jwt');
const { AccessTokenService, accessTokenClaims } = require('../src/tokens/access-token.service');
const { SigningKeyService } = require('../src/tokens/signing-key.service');
const {
  generateSigningKey,
  legacySigningSecret,
  signingKeyBox,
} = require('../src/tokens/signing-key');

const COUNT = Number(process.argv[2] ?? 50_000);
const ROUNDS = 5;
const ISSUER = 'https://tessera.example';

async function main() {
  const config = {
    jwtSecret: randomBytes(36).toString('base64url'),
    issuer: ISSUER,
    audience: ISSUER,
    userTokenExpiry: 3600,
    clientTokenExpiry: 3600,
  };
  const key = generateSigningKey(signingKeyBox(config.jwtSecret));
  // Made a minute from now, so tokens issued now count as issued before it (HS256 still accepted).
  const createdAt = new Date(Date.now() + 60_000);
  const repository = {
    keySet: async () => ({
      keys: [{ ...key, createdAt, retiredAt: null }],
      firstCreatedAt: createdAt,
    }),
    insertFirst: async () => false,
  };
  const keys = new SigningKeyService(repository, { subscribe() {} }, config);
  await keys.onApplicationBootstrap();
  keys.onApplicationShutdown();

  const claims = (i) => ({
    clientId: 1,
    projectId: 1,
    ver: 1,
    scope: 'read',
    sub: 'client:1',
    jti: `t${i}`,
  });

  // Before: the verifier as it was (HS256 only, jsonwebtoken with a KeyObject secret).
  const hs256 = new JwtService({
    secret: legacySigningSecret(config.jwtSecret),
    signOptions: {
      algorithm: 'HS256',
      issuer: ISSUER,
      audience: ISSUER,
      header: { alg: 'HS256', typ: 'at+jwt' },
    },
    verifyOptions: { algorithms: ['HS256'], issuer: ISSUER, audience: ISSUER },
  });
  const hsToken = hs256.sign(claims(0), { expiresIn: 3600 });
  const before = (token) => {
    const decoded = hs256.verify(token, { complete: true });
    if (!accessTokenClaims(decoded)) throw new Error('not ours');
  };

  const service = () => new AccessTokenService(keys, config);
  const signer = service();
  const esTokens = Array.from(
    { length: COUNT },
    () => signer.signForClient({ id: 1, projectId: 1, secretVersion: 1 }).accessToken,
  );

  // Every token of the cached scenarios verified once already.
  const warm = service();
  for (let i = 0; i < 1000; i++) warm.verifyOrThrow(esTokens[i]);

  const scenarios = [
    [
      'HS256, the verifier before signing keys',
      () => {
        for (let i = 0; i < COUNT; i++) before(hsToken);
      },
    ],
    [
      'HS256 through the new verifier (legacy window)',
      () => {
        const s = service();
        for (let i = 0; i < COUNT; i++) s.verifyOrThrow(hsToken);
      },
    ],
    [
      'ES256, each token seen for the first time',
      () => {
        const s = service();
        for (let i = 0; i < COUNT; i++) s.verifyOrThrow(esTokens[i]);
      },
    ],
    [
      'ES256, the same token again (cached)',
      () => {
        for (let i = 0; i < COUNT; i++) warm.verifyOrThrow(esTokens[0]);
      },
    ],
    [
      'ES256, 1,000 clients in turn (cached)',
      () => {
        for (let i = 0; i < COUNT; i++) warm.verifyOrThrow(esTokens[i % 1000]);
      },
    ],
  ];

  console.log(`node ${process.version}, ${COUNT} verifies per round, median of ${ROUNDS} rounds`);
  for (const [name, run] of scenarios) {
    run(); // warm-up
    const times = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = process.hrtime.bigint();
      run();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    const ms = times[Math.floor(ROUNDS / 2)];
    const perVerify = (ms * 1000) / COUNT;
    console.log(
      `${name.padEnd(50)} ${ms.toFixed(0).padStart(6)} ms  ${perVerify.toFixed(2).padStart(7)} µs/verify  ${Math.round(
        COUNT / (ms / 1000),
      )
        .toLocaleString('en')
        .padStart(10)} verifies/s`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
