import { isIP } from 'node:net';
import { normalizeIp } from '@nestjs/throttler';

/**
 * The caller's address as the brute-force limits count it: Fastify's
 * `request.ip` (which honours TRUST_PROXY), an IPv6 address reduced to its
 * /64 so that one host cannot rotate through its own subnet. A forwarded
 * entry that is no address at all counts as the socket's peer instead.
 */
export function clientAddress(request: {
  ip: string;
  socket?: { remoteAddress?: string };
}): string {
  const address = isIP(request.ip) ? request.ip : (request.socket?.remoteAddress ?? 'unknown');
  return isIP(address) ? normalizeIp(address) : 'unknown';
}
