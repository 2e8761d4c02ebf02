import { normalizeIp } from '@nestjs/throttler';

/**
 * The caller's address as the brute-force limits count it: Fastify's
 * `request.ip` (which honours TRUST_PROXY), an IPv6 address reduced to its
 * /64 so that one host cannot rotate through its own subnet.
 */
export function clientAddress(request: { ip: string }): string {
  return normalizeIp(request.ip);
}
