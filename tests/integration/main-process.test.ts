import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/spawn-server.js';

const dirs: string[] = [];
async function tempDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stj-main-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('server process', () => {
  it('starts on the embedded engine, serves health and shuts down cleanly on SIGTERM', async () => {
    const dataDir = await tempDataDir();
    const server = await spawnServer({ DATA_DIR: dataDir });
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    await expect(fs.stat(path.join(dataDir, 'LOCK'))).resolves.toBeDefined();

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // The engine released the data directory.
    await expect(fs.stat(path.join(dataDir, 'LOCK'))).rejects.toThrow();
  });

  it('refuses to start on invalid configuration and names the variable', async () => {
    const dataDir = await tempDataDir();
    await expect(spawnServer({ DATA_DIR: dataDir, MONGODB_URI: 'postgres://nope' })).rejects.toThrow(
      /MONGODB_URI/,
    );
  });
});
