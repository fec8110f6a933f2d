import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/config.js';
import { createInspectorContext } from '../../../server/investigations/inspector.context.js';
import { ensureInitialAdmin } from '../../../server/users/users.service.js';
import { startInspectorKit, testEnv, type InspectorKit } from './inspector-test-kit.js';

const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');

let kit: InspectorKit;
beforeAll(async () => {
  kit = await startInspectorKit();
});
afterAll(async () => {
  await kit.stop();
});

describe('the first account', () => {
  it('comes from INITIAL_ADMIN_EMAIL/PASSWORD once, only while no user exists', async () => {
    const config = loadConfig({
      ...testEnv,
      INITIAL_ADMIN_EMAIL: 'Eerste@stj.example',
      INITIAL_ADMIN_PASSWORD: 'een lang beginwachtwoord',
    });
    const ctx = createInspectorContext({ ...kit.ctx, config });
    const created = await ensureInitialAdmin(ctx);
    expect(created).toMatchObject({ email: 'eerste@stj.example', role: 'beheerder' });
    expect(await ensureInitialAdmin(ctx)).toBeUndefined();
    expect(await kit.ctx.models.User.countDocuments()).toBe(1);
    expect((await kit.client().login('eerste@stj.example', 'een lang beginwachtwoord')).status).toBe(200);
  });
});

describe('npm run user:add', () => {
  async function addUser(
    dataDir: string,
    args: string[],
    password: string,
  ): Promise<{ code: number | null; output: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/users/add-user.cli.ts', ...args], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        EMBEDDED_DB_PORT: '0',
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_TIME_COST: '1',
        MONGODB_URI: '',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.end(`${password}\n`);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { code, output };
  }

  it('creates an account with the password from stdin and refuses a short one', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stj-user-add-'));
    try {
      const args = ['--email', 'cli@stj.example', '--name', 'Cli', '--role', 'inspecteur'];
      const short = await addUser(dataDir, args, 'kort');
      expect(short.code).toBe(2);
      expect(short.output).toContain('minimaal 12 tekens');
      const ok = await addUser(dataDir, args, 'een lang wachtwoord');
      expect(ok.output).toContain('Account aangemaakt: cli@stj.example (inspecteur)');
      expect(ok.code).toBe(0);
      const again = await addUser(dataDir, args, 'een lang wachtwoord');
      expect(again.code).toBe(1);
      expect(
        (await addUser(dataDir, ['--email', 'x@stj.example', '--role', 'baas'], 'een lang wachtwoord')).code,
      ).toBe(2);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
