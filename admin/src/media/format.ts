/** Bytes in words, as a file manager says them: "512 bytes", "1.5 kB", "12 MB" (1 kB = 1000 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  // One decimal below 10 ("1.5 MB"), none above ("120 MB"); never "1000 kB".
  let shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  if (shown >= 1000 && unit < units.length - 1) {
    shown = 1;
    unit += 1;
  }
  return `${shown} ${units[unit]}`;
}

/** "1200 × 800 pixels"; null for files without (PDF, audio, SVG). */
export function formatDimensions(width: number, height: number): string | null {
  return width > 0 && height > 0 ? `${width} × ${height} pixels` : null;
}

/** "2 media" reads oddly in English; files are what people upload. */
export function countFiles(count: number): string {
  return `${count} ${count === 1 ? 'file' : 'files'}`;
}

/** A short name for the kind of file, for a card without a thumbnail: "PDF", "MP3", "SVG". */
export function kindOf(mimeType: string, name: string): string {
  const known: Record<string, string> = {
    'application/pdf': 'PDF',
    'image/svg+xml': 'SVG',
    'text/plain': 'Text',
    'text/markdown': 'Markdown',
    'text/csv': 'CSV',
    'audio/mpeg': 'MP3',
  };
  if (known[mimeType]) return known[mimeType];
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
  if (extension) return extension.toUpperCase();
  const [family] = mimeType.split('/');
  return family ? family[0].toUpperCase() + family.slice(1) : 'File';
}
