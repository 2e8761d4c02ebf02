import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { EnvironmentVariables } from './environment';

const ROOT = join(__dirname, '..', '..');

/** Every variable the configuration reads: the validated properties of EnvironmentVariables. */
function variables(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(
    EnvironmentVariables,
    '',
    true,
    false,
  );
  return [...new Set(metadata.map((entry) => entry.propertyName))].sort();
}

/** The README's configuration table: variable → its default cell, unquoted. */
function readmeDefaults(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const rows = readme.matchAll(/^\| `([A-Z0-9_]+)` +\| ([^|]+?) +\|/gm);
  return new Map([...rows].map(([, name, value]) => [name, value.replace(/^`|`$/g, '')]));
}

/** `.env.example`'s assignments: variable → value (empty: left to the default). */
function exampleValues(): Map<string, string> {
  const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
  return new Map(
    [...example.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map(([, name, value]) => [name, value]),
  );
}

describe('the documented configuration is the code’s', () => {
  const defaults = new EnvironmentVariables() as unknown as Record<
    string,
    string | number | undefined
  >;

  it('the README table and .env.example list every variable the code reads, and no other', () => {
    expect([...readmeDefaults().keys()].sort()).toEqual(variables());
    expect([...exampleValues().keys()].sort()).toEqual(variables());
  });

  it.each(variables())('%s: the same default in the code, the README and .env.example', (name) => {
    const code = defaults[name];
    const readme = readmeDefaults().get(name);
    const example = exampleValues().get(name);
    if (code === undefined) {
      expect(['unset', 'generated', 'http://localhost:$PORT']).toContain(readme);
      expect(example).toBe('');
    } else {
      expect(readme).toBe(String(code));
      expect(example).toBe(String(code));
    }
  });
});
