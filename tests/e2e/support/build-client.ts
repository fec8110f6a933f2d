import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');
export const clientDist = path.join(projectRoot, 'dist', 'client');
const lockDir = path.join(projectRoot, 'dist', '.client-build.lock');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  const index = path.join(clientDist, 'index.html');
  if (!fs.existsSync(index)) return true;
  const sources = Math.max(
    newestMtime(path.join(projectRoot, 'client')),
    fs.statSync(path.join(projectRoot, 'vite.config.ts')).mtimeMs,
  );
  return fs.statSync(index).mtimeMs < sources;
}

async function withLock<T>(work: () => T): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      // Another test file is building (vite empties dist/client first): wait for it.
      if (Date.now() > deadline) throw new Error(`client build lock ${lockDir} held for over 3 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds the client once when dist/client is missing or older than the sources (serialised across test files). */
export async function ensureClientBuilt(): Promise<string> {
  await withLock(() => {
    if (isStale())
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      execFileSync('npx', ['vite', 'build'], {
        cwd: projectRoot,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: 'pipe',
        timeout: 170_000,
      });
  });
  return clientDist;
}
