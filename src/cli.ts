import 'reflect-metadata';
import { runCli } from './cli/run-cli';

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`tessera: ${String(error)}\n`);
    process.exit(1);
  },
);
