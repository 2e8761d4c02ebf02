import { isAllowedType, sniffType } from './media-types';

const text = (value: string) => new TextEncoder().encode(value);

describe('sniffing an upload’s type from its first bytes', () => {
  it.each([
    [
      'a PNG signature',
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      'x.txt',
      'image/png',
      'png',
    ],
    ['a PDF header', text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'x.png', 'application/pdf', 'pdf'],
    [
      'an SVG root',
      text('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'x.txt',
      'image/svg+xml',
      'svg',
    ],
    [
      'an SVG after an XML declaration, a comment and a doctype',
      text(
        '\uFEFF<?xml version="1.0"?>\n<!-- drawn -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>',
      ),
      'x',
      'image/svg+xml',
      'svg',
    ],
    [
      'XML with another root',
      text('<?xml version="1.0"?><feed/>'),
      'x.svg',
      'application/xml',
      'xml',
    ],
    [
      'HTML (text, never rendered as HTML)',
      text('<!doctype html><svg>'),
      'x.html',
      'text/plain',
      'txt',
    ],
    ['UTF-8 text', text('Grüße, world\n'), 'notes', 'text/plain', 'txt'],
    ['text named .md', text('# Title\n'), 'README.md', 'text/markdown', 'md'],
    ['text named .csv', text('a,b\n1,2\n'), 'data.CSV', 'text/csv', 'csv'],
    ['text cut inside a character', Buffer.from('aé').subarray(0, 2), 'x', 'text/plain', 'txt'],
    ['bytes with NULs', Buffer.from([104, 105, 0, 1]), 'x.txt', 'application/octet-stream', 'bin'],
    ['invalid UTF-8', Buffer.from([0xc3, 0x28, 0x41]), 'x.txt', 'application/octet-stream', 'bin'],
  ])('%s', async (_case, head, filename, mimeType, ext) => {
    expect(await sniffType(head, filename)).toEqual({ mimeType, ext });
  });
});

describe('the allow-list', () => {
  it.each([
    ['image/png', ['image/*'], true],
    ['image/svg+xml', ['image/*'], true],
    ['application/pdf', ['application/pdf'], true],
    ['application/zip', ['application/pdf', 'image/*'], false],
    ['text/csv', ['text/plain'], false],
  ])('%s against %j: %s', (type, allowed, expected) => {
    expect(isAllowedType(type, allowed)).toBe(expected);
  });
});
