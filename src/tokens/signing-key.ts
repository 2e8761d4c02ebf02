import {
  createHash,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPairSync,
  JsonWebKey,
  KeyObject,
} from 'node:crypto';
import { SecretBox } from '../crypto/secret-box';

/**
 * What access tokens are signed with: ES256 (ECDSA on P-256). Every JOSE
 * library consumers are likely to verify with supports it, and
 * jsonwebtoken (our signer and verifier) does; it does not support EdDSA.
 */
export const SIGNING_ALGORITHM = 'ES256';
export type SigningAlgorithm = typeof SIGNING_ALGORITHM;

/** The only JWK members a P-256 public key has; anything else in a stored JWK is ignored. */
export interface EcPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** A key pair as the database holds it: the private part sealed. */
export interface SealedSigningKey {
  kid: string;
  alg: SigningAlgorithm;
  publicJwk: EcPublicJwk;
  sealedPrivateKey: string;
}

/** The SecretBox purpose for signing keys: their own key, derived from JWT_SECRET. */
export function signingKeyBox(jwtSecret: string): SecretBox {
  return new SecretBox(jwtSecret, 'tessera signing-key private keys v1');
}

/**
 * The HS256 key of tokens issued before signing keys existed, as a
 * KeyObject, not a string: jsonwebtoken then skips re-deriving the key on
 * every verify (≈ 16 µs instead of ≈ 350 µs).
 */
export function legacySigningSecret(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/** A new P-256 key pair, its private key sealed under `box`, named by its thumbprint. */
export function generateSigningKey(box: SecretBox): SealedSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicJwk = ecPublicJwk(publicKey.export({ format: 'jwk' }));
  const kid = jwkThumbprint(publicJwk);
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  try {
    return { kid, alg: SIGNING_ALGORITHM, publicJwk, sealedPrivateKey: box.seal(der, kid) };
  } finally {
    der.fill(0);
  }
}

/** The private key of a sealed one; a SealedValueError when `box` is not the one it was sealed with. */
export function openPrivateKey(box: SecretBox, kid: string, sealed: string): KeyObject {
  const der = box.open(sealed, kid);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

export function publicKeyOf(jwk: EcPublicJwk): KeyObject {
  return createPublicKey({ key: { ...jwk }, format: 'jwk' });
}

/** The public members of an EC P-256 JWK, or an error for anything else. */
export function ecPublicJwk(jwk: JsonWebKey): EcPublicJwk {
  const { kty, crv, x, y } = jwk;
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string') {
    throw new Error('not a P-256 public key');
  }
  return { kty, crv, x, y };
}

/** RFC 7638: SHA-256 of the required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: EcPublicJwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}
