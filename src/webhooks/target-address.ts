import ipaddr from 'ipaddr.js';

/**
 * Whether a hook may be sent to this address without WEBHOOK_ALLOW_PRIVATE:
 * only ordinary public unicast. Loopback, private, link-local (the cloud
 * metadata address 169.254.169.254 among them), unique-local, carrier-grade
 * NAT, multicast, reserved and the ranges that embed another address
 * (6to4, Teredo, NAT64) are not; an IPv4-mapped IPv6 address is judged as
 * the IPv4 address it is. Anything that is not an address is not public.
 */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  return ipaddr.process(ip).range() === 'unicast';
}
