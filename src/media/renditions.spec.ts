import { ValidationError } from '../common/api-error';
import {
  parseRenditionQuery,
  renditionKey,
  renditionOf,
  RenditionRequest,
  thumbnailQuery,
} from './renditions';
import { renditionFolderOf } from './media-keys';
import { assertStorageKey } from './storage/media-storage';

const config = { renditionSizes: [64, 200, 400, 800] };

/** The field errors a call throws, or a failure when it throws none or another error. */
function fieldErrorsOf(call: () => unknown): Record<string, unknown> {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).getStatus()).toBe(400);
    return (error as ValidationError).details.errors ?? {};
  }
  throw new Error('expected a ValidationError');
}

function request(query: Record<string, unknown>): RenditionRequest {
  const parsed = parseRenditionQuery(query, config);
  if (!parsed) throw new Error('expected a rendition request');
  return parsed;
}

describe('parseRenditionQuery', () => {
  it('is null when the query asks for no rendition', () => {
    expect(parseRenditionQuery({}, config)).toBeNull();
    expect(parseRenditionQuery(undefined, config)).toBeNull();
    expect(parseRenditionQuery({ v: '3', download: '1' }, config)).toBeNull();
    // A DTO instance has every field, undefined when not given.
    expect(
      parseRenditionQuery(
        { w: undefined, h: undefined, fit: undefined, format: undefined },
        config,
      ),
    ).toBeNull();
  });

  it('reads every parameter', () => {
    expect(request({ w: '400', h: '200', fit: 'cover', format: 'avif', q: '55' })).toEqual({
      width: 400,
      height: 200,
      fit: 'cover',
      format: 'avif',
      quality: 55,
      field: 'w',
    });
  });

  it('leaves the format and quality to the original, and fits inside by default', () => {
    expect(request({ w: '400', h: '200' })).toEqual({
      width: 400,
      height: 200,
      fit: 'inside',
      format: null,
      quality: null,
      field: 'w',
    });
  });

  it('reads numbers a DTO already made of the parameters', () => {
    expect(request({ w: 400, h: 200, q: 55 })).toMatchObject({
      width: 400,
      height: 200,
      quality: 55,
    });
    expect(fieldErrorsOf(() => parseRenditionQuery({ w: 200.5, q: 0.5 }, config))).toEqual({
      w: ['w must be one of 64, 200, 400, 800'],
      q: ['q must be an integer from 1 to 100'],
    });
  });

  it('takes a format alone (a re-encode at the original size)', () => {
    expect(request({ format: 'webp' })).toMatchObject({
      width: null,
      height: null,
      format: 'webp',
    });
  });

  it('fits one side or none inside, whatever fit says: every fit gives the same picture', () => {
    expect(request({ h: '64', fit: 'cover' })).toMatchObject({
      width: null,
      height: 64,
      fit: 'inside',
    });
    expect(request({ format: 'png', fit: 'contain' }).fit).toBe('inside');
  });

  it('remembers the first rendition parameter given (w, h, fit, format, q), for errors about the media', () => {
    expect(request({ v: '1', format: 'webp', w: '64' }).field).toBe('w');
    expect(request({ q: '50', format: 'webp', h: '64' }).field).toBe('h');
    expect(request({ q: '50', format: 'webp' }).field).toBe('format');
  });

  it.each([
    ['a size outside the allowed ones', { w: '300' }, 'w', 'w must be one of 64, 200, 400, 800'],
    ['a size that is no number', { h: 'big' }, 'h', 'h must be one of 64, 200, 400, 800'],
    ['a size with a fraction', { w: '200.0' }, 'w', 'w must be one of 64, 200, 400, 800'],
    ['a negative size', { w: '-200' }, 'w', 'w must be one of 64, 200, 400, 800'],
    ['an empty size', { w: '' }, 'w', 'w must be one of 64, 200, 400, 800'],
    ['a size given twice', { w: ['200', '400'] }, 'w', 'w must be one of 64, 200, 400, 800'],
    [
      'an unknown fit',
      { w: '200', fit: 'fill' },
      'fit',
      'fit must be one of cover, contain, inside',
    ],
    [
      'an unknown format',
      { format: 'gif' },
      'format',
      'format must be one of webp, avif, jpeg, png',
    ],
    [
      'a format in capitals',
      { format: 'WEBP' },
      'format',
      'format must be one of webp, avif, jpeg, png',
    ],
    ['a quality of 0', { w: '200', q: '0' }, 'q', 'q must be an integer from 1 to 100'],
    ['a quality above 100', { w: '200', q: '101' }, 'q', 'q must be an integer from 1 to 100'],
    [
      'a quality with a fraction',
      { w: '200', q: '7.5' },
      'q',
      'q must be an integer from 1 to 100',
    ],
    [
      'a quality that is no number',
      { w: '200', q: 'best' },
      'q',
      'q must be an integer from 1 to 100',
    ],
    ['fit alone', { fit: 'cover' }, 'w', 'A rendition needs w, h or format'],
    ['q alone', { q: '50' }, 'w', 'A rendition needs w, h or format'],
    [
      'an unknown fit alone (one mistake, one message)',
      { fit: 'stretch' },
      'fit',
      'fit must be one of cover, contain, inside',
    ],
    ['a bad quality alone', { q: '0' }, 'q', 'q must be an integer from 1 to 100'],
  ])('refuses %s, naming the field', (_case, query, field, message) => {
    expect(fieldErrorsOf(() => parseRenditionQuery(query, config))).toEqual({ [field]: [message] });
  });

  it('names every bad field at once', () => {
    expect(
      Object.keys(
        fieldErrorsOf(() =>
          parseRenditionQuery({ w: '1', h: '2', fit: 'x', format: 'y', q: 'z' }, config),
        ),
      ).sort(),
    ).toEqual(['fit', 'format', 'h', 'q', 'w']);
  });
});

describe('renditionOf', () => {
  it.each([
    ['image/jpeg', 'jpeg'],
    ['image/png', 'png'],
    ['image/webp', 'webp'],
    ['image/avif', 'avif'],
    ['image/gif', 'webp'],
    ['image/tiff', 'webp'],
  ])('keeps a %s in format %s when the query names none', (mimeType, format) => {
    expect(renditionOf(request({ w: '200' }), mimeType).format).toBe(format);
  });

  it('encodes at quality 80 unless asked otherwise', () => {
    expect(renditionOf(request({ w: '200' }), 'image/jpeg').quality).toBe(80);
    expect(renditionOf(request({ w: '200', q: '35' }), 'image/jpeg').quality).toBe(35);
  });

  it('keys every PNG at one quality: q does not change a lossless image', () => {
    expect(renditionOf(request({ w: '200', q: '35' }), 'image/png').quality).toBe(100);
    expect(renditionOf(request({ format: 'png', q: '35' }), 'image/jpeg').quality).toBe(100);
  });

  it.each(['image/svg+xml', 'application/pdf', 'audio/mpeg', 'image/x-icon', 'text/plain'])(
    'refuses %s: it has no renditions (400 naming the first rendition parameter given)',
    (mimeType) => {
      expect(fieldErrorsOf(() => renditionOf(request({ w: '200' }), mimeType))).toEqual({
        w: [`${mimeType} media has no renditions`],
      });
      expect(
        fieldErrorsOf(() => renditionOf(request({ q: '50', format: 'png' }), mimeType)),
      ).toEqual({
        format: [`${mimeType} media has no renditions`],
      });
    },
  );
});

describe('renditionKey', () => {
  const original = '7/0b7e1a44-3f0e-4a55-9d8c-2b1f6c7d9e01.jpg';

  it('keeps renditions in a folder of their original, one name per output', () => {
    expect(
      renditionKey(
        original,
        renditionOf(
          request({ w: '400', h: '200', fit: 'cover', format: 'webp', q: '70' }),
          'image/jpeg',
        ),
      ),
    ).toBe('7/renditions/0b7e1a44-3f0e-4a55-9d8c-2b1f6c7d9e01/400x200-cover-q70.webp');
    expect(renditionKey(original, renditionOf(request({ h: '64' }), 'image/jpeg'))).toBe(
      '7/renditions/0b7e1a44-3f0e-4a55-9d8c-2b1f6c7d9e01/0x64-inside-q80.jpeg',
    );
    expect(renditionKey(original, renditionOf(request({ format: 'png' }), 'image/jpeg'))).toBe(
      '7/renditions/0b7e1a44-3f0e-4a55-9d8c-2b1f6c7d9e01/0x0-inside-q100.png',
    );
  });

  it('gives keys every storage driver accepts', () => {
    expect(() =>
      assertStorageKey(
        renditionKey(
          original,
          renditionOf(
            request({ w: '800', h: '800', fit: 'contain', format: 'avif', q: '1' }),
            'image/png',
          ),
        ),
      ),
    ).not.toThrow();
  });

  it('gives an original without an extension a folder too', () => {
    expect(renditionFolderOf('7/0b7e1a44')).toBe('7/renditions/0b7e1a44/');
  });

  it.each(['0b7e1a44.jpg', '7/renditions/0b7e1a44/0x64-inside-q80.jpeg', '', '7/.jpg'])(
    'refuses a folder for %j, which is no original key',
    (key) => {
      expect(() => renditionFolderOf(key)).toThrow('Not an original');
    },
  );
});

describe('thumbnailQuery', () => {
  it('asks for a 200 pixel WebP square', () => {
    expect(thumbnailQuery(config)).toBe('w=200&h=200&fit=cover&format=webp');
  });

  it('takes the smallest allowed size above 200 when 200 is not allowed', () => {
    expect(thumbnailQuery({ renditionSizes: [64, 128, 320, 640] })).toBe(
      'w=320&h=320&fit=cover&format=webp',
    );
  });

  it('takes the largest allowed size when every one is below 200', () => {
    expect(thumbnailQuery({ renditionSizes: [32, 64, 128] })).toBe(
      'w=128&h=128&fit=cover&format=webp',
    );
  });

  it('asks for a rendition the query parser accepts', () => {
    const sizes = { renditionSizes: [64, 128, 320, 640] };
    expect(
      parseRenditionQuery(Object.fromEntries(new URLSearchParams(thumbnailQuery(sizes))), sizes),
    ).toMatchObject({
      width: 320,
      height: 320,
      fit: 'cover',
      format: 'webp',
    });
  });
});
