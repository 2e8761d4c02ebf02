import { isPrivateHost, isPublicAddress } from './target-address';

describe('isPublicAddress', () => {
  it.each(['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (ip) => expect(isPublicAddress(ip)).toBe(true),
  );

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'IPv6 loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local: cloud metadata'],
    ['fe80::1', 'IPv6 link-local'],
    ['fd00:ec2::254', 'unique-local: AWS metadata over IPv6'],
    ['100.100.100.200', 'carrier-grade NAT: Alibaba metadata'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'IPv6 unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved (documentation)'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata, in hex'],
    ['2002:7f00:1::1', '6to4 of 127.0.0.1'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['example.com', 'not an address'],
    ['', 'empty'],
  ])('%s is not public (%s)', (ip) => expect(isPublicAddress(ip)).toBe(false));
});

describe('isPrivateHost (a URL hostname)', () => {
  const hostOf = (url: string) => new URL(url).hostname;

  it.each([
    'http://localhost/',
    'http://LOCALHOST./',
    'http://api.localhost/',
    'http://127.0.0.1:8080/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.0.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    // Other spellings of 127.0.0.1, which the URL parser writes in dotted decimal.
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
  ])('%s is private', (url) => expect(isPrivateHost(hostOf(url))).toBe(true));

  it.each(['https://example.com/hook', 'http://93.184.216.34/', 'https://[2606:4700::1]/'])(
    '%s is not known to be private',
    (url) => expect(isPrivateHost(hostOf(url))).toBe(false),
  );
});
