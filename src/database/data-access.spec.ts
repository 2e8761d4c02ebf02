import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');

/** A statement in a string: what only a repository (or the database layer) may hold. */
const SQL_TEXT = /\b(SELECT\s+[\w*"(]|INSERT\s+INTO|UPDATE\s+"?\w+"?\s+SET|DELETE\s+FROM)/;
/** The ways past a repository: TypeORM's data source, managers and repositories, raw queries. */
const DATABASE_HANDLE =
  /\b(DataSource|EntityManager|InjectDataSource|InjectRepository|getRepository)\b|\.query\s*[<(]/;

/** Where SQL belongs: each feature's repository, the database layer and migrations. */
function mayTalkSql(file: string): boolean {
  return (
    file.endsWith('.repository.ts') ||
    file.startsWith('database/') ||
    // The job queue hands pg-boss's own SQL to the database; it writes none.
    file === 'jobs/job-queue.service.ts' ||
    file.endsWith('.spec.ts') ||
    file === 'metadata.ts'
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

describe('data access has one home per feature', () => {
  const files = sourceFiles(SRC).filter((file) => !mayTalkSql(file));

  it('finds the source files it checks', () => {
    expect(files).toContain('entries/entries.service.ts');
    expect(files.length).toBeGreaterThan(50);
  });

  it('no service, controller or guard holds SQL or a database handle: they call a repository', () => {
    const offences = files.flatMap((file) =>
      readFileSync(join(SRC, file), 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          SQL_TEXT.test(line) || DATABASE_HANDLE.test(line)
            ? [`${file}:${index + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offences).toEqual([]);
  });
});
