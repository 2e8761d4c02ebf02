import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMediaStorage } from './local-storage';
import { describeMediaStorageContract } from './storage-contract';

describeMediaStorageContract('local files', async () => {
  const root = await mkdtemp(join(tmpdir(), 'tessera-media-'));
  return {
    // A folder that does not exist yet, as DATA_DIR/media on a first start.
    storage: new LocalMediaStorage(join(root, 'media')),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});
