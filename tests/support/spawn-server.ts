import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type SpawnedServer = {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
};

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Runs server/main.ts in a child process (as `npm start` would, minus the build) and waits for its URL. */
export async function spawnServer(env: NodeJS.ProcessEnv): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', EMBEDDED_DB_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /draait op (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${output}`));
    });
  });
  return { child, url, output: () => output, exited };
}
