import ipaddr from 'ipaddr.js';

/**
 * Whether a hook may be sent to this IP address without
 * WEBHOOK_ALLOW_PRIVATE: only globally routable unicast. Loopback, private,
 * link-local (169.254.169.254, the cloud metadata address, among them),
 * unique-local (fd00:ec2::254), carrier-grade NAT (100.100.100.200),
 * multicast, reserved and unspecified addresses are not, nor are IPv6 forms
 * that carry an IPv4 address inside (IPv4-mapped ones are judged by the
 * address they carry; 6to4, Teredo and NAT64 ones are refused outright, as
 * where they lead depends on a gateway). Anything that is not an address is
 * not public either.
 */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  return ipaddr.process(ip).range() === 'unicast';
}

/**
 * Whether a URL's host (as `new URL()` gives it: IPv6 in brackets, IPv4 in
 * dotted decimal whatever form it was written in) is known to be private
 * without a DNS lookup: `localhost` and its subdomains, or an address that
 * is not public. A name that resolves to a private address is caught when
 * the hook is delivered, on the address it resolves to then.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const literal = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return ipaddr.isValid(literal) && !isPublicAddress(literal);
}
