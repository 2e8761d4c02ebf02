import { ValidationError } from '../common/api-error';
import type { MediaConfig } from '../config/configuration';
import { renditionFolderOf } from './media-keys';
import { isRaster } from './media-types';

export const RENDITION_FITS = ['cover', 'contain', 'inside'] as const;
export type RenditionFit = (typeof RENDITION_FITS)[number];

export const RENDITION_FORMATS = ['webp', 'avif', 'jpeg', 'png'] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

/** The query parameters that ask for a rendition, in the order errors name them. */
export const RENDITION_PARAMETERS = ['w', 'h', 'fit', 'format', 'q'] as const;
type RenditionParameter = (typeof RENDITION_PARAMETERS)[number];

export const DEFAULT_RENDITION_QUALITY = 80;

/**
 * PNG is lossless: `q` does not change it, so every PNG rendition is keyed
 * at this quality and `?format=png&q=50` shares the file of `q=80`.
 */
const LOSSLESS_QUALITY = 100;

/** Originals kept in their own format when a rendition names none; the rest become WebP. */
const FORMAT_OF_TYPE: Readonly<Record<string, RenditionFormat>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

export const RENDITION_CONTENT_TYPES: Readonly<Record<RenditionFormat, string>> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** A rendition as the query asks for it, before the original's type is known. */
export interface RenditionRequest {
  /** Pixels, one of MEDIA_RENDITION_SIZES; null: follows from the height, or the original's. */
  width: number | null;
  height: number | null;
  /** `inside` unless both width and height are given: with one side or none all fits are alike. */
  fit: RenditionFit;
  /** Null: the original's format when it is one of these, else WebP. */
  format: RenditionFormat | null;
  /** Null: the default (80). */
  quality: number | null;
  /**
   * The field an error about the media names: the first rendition
   * parameter given, in the order w, h, fit, format, q.
   */
  field: RenditionParameter;
}

/** A rendition of one original: every choice made, one storage key per distinct output. */
export interface Rendition {
  width: number | null;
  height: number | null;
  fit: RenditionFit;
  format: RenditionFormat;
  quality: number;
}

/**
 * Whether media of this type has renditions (and so a thumbnail): the
 * raster images sharp reads, never SVG or PDF.
 */
export function hasRenditions(mimeType: string): boolean {
  return isRaster(mimeType);
}

/**
 * The rendition a file route's query asks for: null when it has none of
 * `w`, `h`, `fit`, `format`, `q` (the original is wanted). Other parameters
 * are left alone (cache busters). A rendition needs a size or a format:
 * `fit` or `q` alone is refused, as are sizes outside MEDIA_RENDITION_SIZES.
 */
export function parseRenditionQuery(
  parameters: object | null | undefined,
  config: Pick<MediaConfig, 'renditionSizes'>,
): RenditionRequest | null {
  // The parsed query string, or the file routes' DTO instance holding it.
  const query = parameters as Readonly<Record<string, unknown>> | null | undefined;
  // A parameter left undefined is not given: a DTO instance has every field,
  // in its declaration order, so the query's own order is lost: the first
  // given is counted in RENDITION_PARAMETERS' order.
  const given = RENDITION_PARAMETERS.filter((name) => query?.[name] !== undefined);
  if (!query || given.length === 0) return null;

  const errors: Record<string, string[]> = {};
  const sizes = config.renditionSizes;
  const sizeMessage = (name: string) => `${name} must be one of ${sizes.join(', ')}`;
  const size = (name: 'w' | 'h'): number | null => {
    const value = query[name];
    if (value === undefined) return null;
    const pixels = integerOf(value, 4);
    if (sizes.includes(pixels)) return pixels;
    errors[name] = [sizeMessage(name)];
    return null;
  };
  const oneOf = <T extends string>(name: 'fit' | 'format', allowed: readonly T[]): T | null => {
    const value = query[name];
    if (value === undefined) return null;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
      return value as T;
    }
    errors[name] = [`${name} must be one of ${allowed.join(', ')}`];
    return null;
  };

  const width = size('w');
  const height = size('h');
  const fit = oneOf('fit', RENDITION_FITS);
  const format = oneOf('format', RENDITION_FORMATS);
  let quality: number | null = null;
  if (query.q !== undefined) {
    const value = query.q;
    quality = integerOf(value, 3);
    if (!(quality >= 1 && quality <= 100)) {
      errors.q = ['q must be an integer from 1 to 100'];
      quality = null;
    }
  }
  // Said only when nothing else is wrong: `?fit=stretch` is one mistake, one message.
  if (Object.keys(errors).length === 0 && width === null && height === null && format === null) {
    errors.w = ['A rendition needs w, h or format'];
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  return {
    width,
    height,
    fit: width !== null && height !== null ? (fit ?? 'inside') : 'inside',
    format,
    quality,
    field: given[0],
  };
}

/**
 * A parameter's whole number: digits as the query has them, or a number a
 * DTO already made of them; NaN for anything else (signs, fractions, lists).
 */
function integerOf(value: unknown, maxDigits: number): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
  return typeof value === 'string' && new RegExp(`^\\d{1,${maxDigits}}$`).test(value)
    ? Number(value)
    : NaN;
}

/**
 * The rendition of an original of this type, defaults filled in; a 400
 * naming the request's first rendition parameter when the type has none
 * (SVG, PDF, audio, …).
 */
export function renditionOf(request: RenditionRequest, mimeType: string): Rendition {
  if (!hasRenditions(mimeType)) {
    throw new ValidationError({ [request.field]: [`${mimeType} media has no renditions`] });
  }
  const format = request.format ?? FORMAT_OF_TYPE[mimeType] ?? 'webp';
  return {
    width: request.width,
    height: request.height,
    fit: request.fit,
    format,
    quality: format === 'png' ? LOSSLESS_QUALITY : (request.quality ?? DEFAULT_RENDITION_QUALITY),
  };
}

/**
 * Where a rendition of the original at `originalKey` (`<projectId>/<uuid>.<ext>`)
 * is kept: `<projectId>/renditions/<uuid>/<w>x<h>-<fit>-q<q>.<format>`, a
 * side not given written `0`. Deleting a media deletes the folder.
 */
export function renditionKey(originalKey: string, rendition: Rendition): string {
  return `${renditionFolderOf(originalKey)}${rendition.width ?? 0}x${rendition.height ?? 0}-${rendition.fit}-q${rendition.quality}.${rendition.format}`;
}

/**
 * The query of a media's thumbnail (`w=200&h=200&fit=cover&format=webp`):
 * 200 pixels square when MEDIA_RENDITION_SIZES allows it, else its smallest
 * size above 200, else its largest.
 */
export function thumbnailQuery(config: Pick<MediaConfig, 'renditionSizes'>): string {
  const sizes = config.renditionSizes;
  const size = sizes.find((candidate) => candidate >= 200) ?? sizes[sizes.length - 1];
  return `w=${size}&h=${size}&fit=cover&format=webp`;
}
