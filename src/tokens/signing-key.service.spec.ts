import { Logger } from '@nestjs/common';
import type { AuthConfig } from '../config/configuration';
import { InvalidConfigurationError } from '../config/environment';
import type { NotificationsService, Subscription } from '../database/notifications.service';
import { generateSigningKey, SealedSigningKey, signingKeyBox } from './signing-key';
import type { SigningKeyRepository, StoredSigningKey } from './signing-key.repository';
import { SIGNING_KEYS_CHANNEL, SigningKeyService } from './signing-key.service';

const SECRET = 'a shared secret of more than thirty-two characters';
const config = { jwtSecret: SECRET, userTokenExpiry: 300, clientTokenExpiry: 3600 } as AuthConfig;
/** The longest token lifetime above, and the slack a retired key is kept beyond it. */
const LONGEST = 3600;
const SLACK = 300;
const T0 = Date.UTC(2026, 0, 1);

/** The table in memory: what SigningKeyRepository would answer. */
class FakeKeys {
  rows: StoredSigningKey[] = [];
  loads = 0;

  add(key: SealedSigningKey, createdAt: number, retiredAt: number | null = null): void {
    this.rows.unshift({
      ...key,
      sealedPrivateKey: retiredAt === null ? key.sealedPrivateKey : null,
      createdAt: new Date(createdAt),
      retiredAt: retiredAt === null ? null : new Date(retiredAt),
    });
  }

  readonly repository = {
    keySet: (retiredWithinSeconds: number) => {
      this.loads += 1;
      const oldest = now() - retiredWithinSeconds * 1000;
      const keys = this.rows.filter((row) => !row.retiredAt || row.retiredAt.getTime() > oldest);
      const created = this.rows.map((row) => row.createdAt.getTime());
      return Promise.resolve({
        keys,
        firstCreatedAt: created.length ? new Date(Math.min(...created)) : null,
      });
    },
    insertFirst: (key: SealedSigningKey) => {
      if (this.rows.some((row) => !row.retiredAt)) return Promise.resolve(false);
      this.add(key, now());
      return Promise.resolve(true);
    },
  } as unknown as SigningKeyRepository;
}

let clock = T0;
const now = () => clock;

function start(keys: FakeKeys, secret = SECRET) {
  let subscription: Subscription | undefined;
  const notifications = {
    subscribe: (channel: string, s: Subscription) => {
      if (channel === SIGNING_KEYS_CHANNEL) subscription = s;
    },
  } as unknown as NotificationsService;
  const service = new SigningKeyService(keys.repository, notifications, {
    ...config,
    jwtSecret: secret,
  });
  return { service, announce: () => subscription!.onMessage('kid') };
}

/** Lets reloads started by a message or an unknown kid finish. */
const settle = () => new Promise((done) => setImmediate(done));

describe('SigningKeyService', () => {
  const box = signingKeyBox(SECRET);
  let services: SigningKeyService[] = [];

  // A reload that cannot open a key warns; that is expected below.
  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    clock = T0;
    jest.spyOn(Date, 'now').mockImplementation(now);
  });

  afterEach(() => {
    for (const service of services) service.onApplicationShutdown();
    services = [];
    jest.restoreAllMocks();
  });

  async function started(keys: FakeKeys, secret = SECRET) {
    const running = start(keys, secret);
    await running.service.onApplicationBootstrap();
    services.push(running.service);
    return running;
  }

  it('makes the first key on an empty table, signs with it and publishes only its public part', async () => {
    const keys = new FakeKeys();
    const { service } = await started(keys);
    expect(keys.rows).toHaveLength(1);
    const [row] = keys.rows;
    expect(service.signingKey()).toMatchObject({ kid: row.kid, alg: 'ES256' });
    expect(service.publishedKeys()).toEqual([
      { ...row.publicJwk, kid: row.kid, alg: 'ES256', use: 'sig' },
    ]);
    expect(JSON.stringify(service.publishedKeys())).not.toContain('"d"');
  });

  it('uses the key another instance made instead of making a second', async () => {
    const keys = new FakeKeys();
    const existing = generateSigningKey(box);
    keys.add(existing, T0 - 1000);
    const { service } = await started(keys);
    expect(keys.rows).toHaveLength(1);
    expect(service.signingKey().kid).toBe(existing.kid);
  });

  it('accepts HS256 only when issued before the first key, and only for the longest lifetime after it', async () => {
    const keys = new FakeKeys();
    keys.add(generateSigningKey(box), T0);
    const { service } = await started(keys);
    const switchedAt = T0 / 1000;
    expect(service.acceptsLegacyToken(switchedAt - 1, switchedAt + 10)).toBe(true);
    expect(service.acceptsLegacyToken(switchedAt - 1, switchedAt + LONGEST - 1)).toBe(true);
    expect(service.acceptsLegacyToken(switchedAt, switchedAt + 10)).toBe(false);
    expect(service.acceptsLegacyToken(switchedAt + 5, switchedAt + 10)).toBe(false);
    expect(service.acceptsLegacyToken(switchedAt - 1, switchedAt + LONGEST)).toBe(false);
  });

  it('publishes a retired key until its tokens may have expired, then no more', async () => {
    const keys = new FakeKeys();
    const retired = generateSigningKey(box);
    const current = generateSigningKey(box);
    keys.add(retired, T0 - 10_000_000, T0);
    keys.add(current, T0);
    const { service } = await started(keys);
    const kids = (at: number) => service.publishedKeys(at).map((key) => key.kid);
    expect(kids(T0 + (LONGEST + SLACK - 1) * 1000)).toEqual([current.kid, retired.kid]);
    expect(kids(T0 + (LONGEST + SLACK + 1) * 1000)).toEqual([current.kid]);
  });

  it('reloads for an unknown kid at most every five seconds; an announcement always reloads', async () => {
    const keys = new FakeKeys();
    const { service, announce } = await started(keys);
    const afterStart = keys.loads;
    await service.refreshForUnknownKid();
    expect(keys.loads).toBe(afterStart);
    clock += 5_000;
    await Promise.all([service.refreshForUnknownKid(), service.refreshForUnknownKid()]);
    expect(keys.loads).toBe(afterStart + 1);
    clock += 4_999;
    await service.refreshForUnknownKid();
    expect(keys.loads).toBe(afterStart + 1);
    announce();
    await settle();
    expect(keys.loads).toBe(afterStart + 2);
  });

  it('switches to a rotated key when announced, and still verifies the retired one', async () => {
    const keys = new FakeKeys();
    const { service, announce } = await started(keys);
    const first = service.signingKey().kid;
    const next = generateSigningKey(box);
    keys.rows[0] = { ...keys.rows[0], sealedPrivateKey: null, retiredAt: new Date(T0) };
    keys.add(next, T0);
    announce();
    await settle();
    expect(service.signingKey().kid).toBe(next.kid);
    expect(service.verificationKey(first)).toMatchObject({ kid: first, retiredAt: T0 });
  });

  it('refuses to start when JWT_SECRET does not open the key; later, keeps signing with the key it has', async () => {
    const keys = new FakeKeys();
    keys.add(generateSigningKey(signingKeyBox(`${SECRET}, another`)), T0);
    await expect(start(keys).service.onApplicationBootstrap()).rejects.toThrow(
      InvalidConfigurationError,
    );

    const shared = new FakeKeys();
    const { service, announce } = await started(shared);
    const mine = service.signingKey().kid;
    const foreign = generateSigningKey(signingKeyBox(`${SECRET}, another`));
    shared.rows[0] = { ...shared.rows[0], sealedPrivateKey: null, retiredAt: new Date(T0) };
    shared.add(foreign, T0);
    announce();
    await settle();
    expect(service.signingKey().kid).toBe(mine);
    expect(service.verificationKey(foreign.kid)).toBeDefined();
  });
});
