import { fileTypeFromBuffer } from 'file-type/core';

/** How many leading bytes the sniffer looks at (file-type's own reasonable sample size). */
export const SNIFF_BYTES = 4100;

/** What an upload's bytes say it is, whatever name or type the client gave it. */
export interface SniffedType {
  mimeType: string;
  /** The storage key's extension; `bin` when nothing better is known. */
  ext: string;
}

/** Raster formats sharp reads: they have pixel dimensions and thumbnails. */
const RASTER_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
  'image/tiff',
]);

export function isRaster(mimeType: string): boolean {
  return RASTER_TYPES.has(mimeType);
}

/** Text flavours told apart by the file's name: their bytes are only text. */
const TEXT_BY_EXTENSION: Record<string, SniffedType> = {
  md: { mimeType: 'text/markdown', ext: 'md' },
  markdown: { mimeType: 'text/markdown', ext: 'md' },
  csv: { mimeType: 'text/csv', ext: 'csv' },
};

const PLAIN_TEXT: SniffedType = { mimeType: 'text/plain', ext: 'txt' };
const SVG: SniffedType = { mimeType: 'image/svg+xml', ext: 'svg' };
const UNKNOWN: SniffedType = { mimeType: 'application/octet-stream', ext: 'bin' };

/**
 * The type of a file from its first bytes (`head`, up to SNIFF_BYTES; the
 * whole file when shorter). Magic numbers first (file-type); then SVG, an XML
 * document whose root is `<svg>`; then UTF-8 text without NULs, as text/plain
 * (or text/markdown, text/csv by the file's extension); else
 * application/octet-stream. The client's claimed type is never consulted.
 */
export async function sniffType(head: Uint8Array, filename: string): Promise<SniffedType> {
  const found = await fileTypeFromBuffer(head);
  if (found && found.mime !== 'application/xml') return { mimeType: found.mime, ext: found.ext };
  const text = utf8Text(head);
  if (text === null) return found ? { mimeType: found.mime, ext: found.ext } : UNKNOWN;
  if (hasSvgRoot(text)) return SVG;
  if (found) return { mimeType: found.mime, ext: found.ext };
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1].toLowerCase() ?? '';
  return TEXT_BY_EXTENSION[extension] ?? PLAIN_TEXT;
}

/**
 * The bytes as text if they are UTF-8 without NULs or other control
 * characters than whitespace; null otherwise. A head cut inside a character
 * is still text.
 */
function utf8Text(bytes: Uint8Array): string | null {
  let text: string;
  try {
    // `stream: true`: a character split at the end of the head is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  return text;
}

/** An XML prolog (declaration, comments, an SVG doctype, processing instructions), then `<svg`. */
function hasSvgRoot(text: string): boolean {
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.trimStart();
    const prolog =
      /^(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s+svg\b[^>[]*(\[[\s\S]*?\])?\s*>)/i.exec(rest);
    if (!prolog) break;
    rest = rest.slice(prolog[0].length);
  }
  return /^<svg[\s>/]/.test(rest) || /^<[A-Za-z_][\w.-]*:svg[\s>/]/.test(rest);
}

/** Whether `mimeType` is one of `allowed` (exact types, or families such as `image/*`). */
export function isAllowedType(mimeType: string, allowed: readonly string[]): boolean {
  const family = `${mimeType.split('/')[0]}/*`;
  return allowed.some((entry) => entry === mimeType || entry === family);
}
