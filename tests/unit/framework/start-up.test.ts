import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../../support/spawn-server.js';
import { miniFrameworkDir } from './framework-paths.js';

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('server start-up', () => {
  it('refuses to start on an invalid framework and names the problem', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'broken-framework-'));
    await cp(miniFrameworkDir, dir, { recursive: true });
    const partnerFile = path.join(dir, 'partner.json');
    const partner = JSON.parse(await readFile(partnerFile, 'utf8'));
    partner.elements = partner.elements.filter((element: { name: string }) => element.name !== 'plan');
    await writeFile(partnerFile, JSON.stringify(partner));

    await expect(spawnServer({ QUESTIONNAIRE_DIR: dir, DATA_DIR: path.join(dir, 'data') })).rejects.toThrow(
      /exited with 2[\s\S]*Invalid framework[\s\S]*partner\.json: missing question "plan"/,
    );
  });
});
