import { describe, expect, it } from 'vitest';
import { countFiles, formatBytes, formatDimensions, kindOf } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [1000, '1 kB'],
    [1540, '1.5 kB'],
    [10_400, '10 kB'],
    [999_600, '1 MB'],
    [52_428_800, '52 MB'],
    [3_200_000_000, '3.2 GB'],
  ])('%d bytes are “%s”', (bytes, words) => {
    expect(formatBytes(bytes)).toBe(words);
  });
});

describe('formatDimensions', () => {
  it('says width by height, and nothing for files without pixels', () => {
    expect(formatDimensions(1200, 800)).toBe('1200 × 800 pixels');
    expect(formatDimensions(0, 0)).toBeNull();
  });
});

describe('countFiles and kindOf', () => {
  it('counts in words and names kinds of file', () => {
    expect(countFiles(1)).toBe('1 file');
    expect(countFiles(3)).toBe('3 files');
    expect(kindOf('application/pdf', 'report.pdf')).toBe('PDF');
    expect(kindOf('audio/ogg', 'song.ogg')).toBe('OGG');
    expect(kindOf('video/mp4', 'clip')).toBe('Video');
  });
});
