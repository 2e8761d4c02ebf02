/**
 * A User-Agent in a few words ("Firefox on Linux"), for a person to tell
 * their sessions apart; the full string stays in the cell's title.
 */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown';
  const browser =
    match(userAgent, [
      [/Edg\//, 'Edge'],
      [/OPR\//, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/HeadlessChrome\//, 'Headless Chrome'],
      [/Chrom(e|ium)\//, 'Chrome'],
      [/Version\/[\d.]+.*Safari\//, 'Safari'],
    ]) ?? null;
  const system = match(userAgent, [
    [/Android/, 'Android'],
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ]);
  if (browser) return system ? `${browser} on ${system}` : browser;
  // A program (curl/8.5.0, a script): its first product token.
  return userAgent.split(/\s/)[0].slice(0, 60);
}

function match(text: string, rules: [RegExp, string][]): string | null {
  return rules.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}
