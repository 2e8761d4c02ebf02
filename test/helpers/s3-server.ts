import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaConfig } from '../../src/config/configuration';

export type S3Config = NonNullable<MediaConfig['s3']>;

/** An S3-compatible server on a free loopback port, its data in a temporary directory. */
export interface S3TestServer {
  endpoint: string;
  /** The one bucket the server has. */
  bucket: string;
  /** Settings that reach the server, as MEDIA_S3_* would give them. */
  config(prefix?: string): S3Config;
  close(): Promise<void>;
}

/** s3rver accepts this key pair only, and checks every request's signature with it. */
const ACCESS_KEY = 'S3RVER';

export async function startS3Server(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'tessera-s3-'));
  const child = fork(join(__dirname, 's3-server-process.js'), [directory], {
    execArgv: ['--openssl-legacy-provider'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { port: number }) => resolve(message.port));
      child.once('exit', (code) =>
        reject(new Error(`The S3 test server exited (${code}) before listening: ${stderr}`)),
      );
    });
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket: 'media',
    config: (prefix = '') => ({
      bucket: 'media',
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY },
      forcePathStyle: true,
      prefix,
    }),
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.send('close');
        const stopped = await Promise.race([
          exited.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000).unref()),
        ]);
        if (!stopped) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
