import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, contentVersion } from '../../../server/framework/content-hash.js';
import { UnknownVersionError } from '../../../server/framework/framework-errors.js';
import { loadFramework } from '../../../server/framework/load-framework.js';
import {
  archiveCurrentVersions,
  archivePath,
  loadFrameworkVersion,
  loadQuestionnaireVersion,
  missingArchiveFiles,
} from '../../../server/framework/questionnaire-archive.js';
import { miniFrameworkDir, questionnaireDir } from './framework-paths.js';

describe('content versions', () => {
  it.each([
    {
      title: 'key order',
      a: { a: 1, b: { c: [1, 2], d: 'x' } },
      b: { b: { d: 'x', c: [1, 2] }, a: 1 },
      same: true,
    },
    { title: 'a changed value', a: { title: 'Vraag' }, b: { title: 'Vraag?' }, same: false },
    { title: 'array order', a: { choices: ['ja', 'nee'] }, b: { choices: ['nee', 'ja'] }, same: false },
    { title: 'an undefined key', a: { a: 1, b: undefined }, b: { a: 1 }, same: true },
  ])('$title: same version = $same', ({ a, b, same }) => {
    expect(contentVersion(a) === contentVersion(b)).toBe(same);
    expect(contentVersion(a)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('hashes canonical JSON with sorted keys (sha256, first 16 hex characters)', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    // sha256('{"a":1}') = 015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862
    expect(contentVersion({ a: 1 })).toBe('015abd7f5cc57a2d');
  });
});

describe('the questionnaire archive in the repository', () => {
  it('holds the current version of every questionnaire and of the framework', async () => {
    const loaded = await loadFramework(questionnaireDir);
    const missing = await missingArchiveFiles(questionnaireDir, loaded);
    expect(
      missing,
      `The current questionnaire or framework version is not archived. Run \`npm run questionnaires:archive\` and commit questionnaires/archive/. Missing:\n${missing.join('\n')}`,
    ).toEqual([]);
  });

  it('holds only files whose content matches the version in their name', async () => {
    const archive = path.join(questionnaireDir, 'archive');
    for (const id of await readdir(archive)) {
      for (const file of await readdir(path.join(archive, id))) {
        const json: unknown = JSON.parse(await readFile(path.join(archive, id, file), 'utf8'));
        expect(`${id}/${contentVersion(json)}.json`, 'archive files must never be edited').toBe(
          `${id}/${file}`,
        );
      }
    }
  });
});

describe('loading a questionnaire version', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function copyOfMini(): Promise<string> {
    dir = await mkdtemp(path.join(os.tmpdir(), 'framework-archive-'));
    await cp(miniFrameworkDir, dir, { recursive: true });
    return dir;
  }

  it('returns the current version, and an old one from the archive after a change', async () => {
    const folder = await copyOfMini();
    const before = await loadFramework(folder);
    const oldVersion = before.questionnaires[1]?.version ?? '';
    const result = await archiveCurrentVersions(folder);
    expect(result.written).toHaveLength(3);
    expect(await archiveCurrentVersions(folder)).toEqual({ written: [], alreadyArchived: result.written });

    const partnerFile = path.join(folder, 'partner.json');
    const changed = JSON.parse(await readFile(partnerFile, 'utf8'));
    changed.title = 'Mini: partner (herzien)';
    await writeFile(partnerFile, JSON.stringify(changed));
    const after = await loadFramework(folder);
    const newVersion = after.questionnaires[1]?.version ?? '';
    expect(newVersion).not.toBe(oldVersion);
    expect(await missingArchiveFiles(folder, after)).toEqual([archivePath(folder, 'partner', newVersion)]);

    const current = await loadQuestionnaireVersion(folder, 'partner', newVersion, after);
    expect(current).toMatchObject({ id: 'partner', version: newVersion, current: true });
    expect(current.json.title).toBe('Mini: partner (herzien)');

    const old = await loadQuestionnaireVersion(folder, 'partner', oldVersion);
    expect(old).toMatchObject({ id: 'partner', version: oldVersion, current: false });
    expect(old.json.title).toBe('Mini: partner');

    const framework = await loadFrameworkVersion(folder, before.version);
    expect(framework).toMatchObject({ version: before.version, current: true });
    expect(framework.json.id).toBe('mini');
  });

  it.each([
    { title: 'an unknown version', id: 'partner', version: '0123456789abcdef' },
    { title: 'an unknown questionnaire', id: 'jeugdarts', version: '0123456789abcdef' },
    { title: 'a path in the id', id: '../mini', version: '0123456789abcdef' },
    { title: 'a malformed version', id: 'partner', version: '../../toetsingskader' },
  ])('refuses $title', async ({ id, version }) => {
    const folder = await copyOfMini();
    await expect(loadQuestionnaireVersion(folder, id, version)).rejects.toBeInstanceOf(UnknownVersionError);
  });

  it('refuses an archive file that was edited after archiving', async () => {
    const folder = await copyOfMini();
    const loaded = await loadFramework(folder);
    await archiveCurrentVersions(folder);
    const version = loaded.questionnaires[0]?.version ?? '';
    const target = archivePath(folder, 'bestuur', version);
    await writeFile(target, JSON.stringify({ title: 'vervalst' }));
    await writeFile(
      path.join(folder, 'bestuur.json'),
      JSON.stringify({ ...loaded.questionnaires[0]?.json, title: 'Nieuw' }),
    );
    await expect(loadQuestionnaireVersion(folder, 'bestuur', version)).rejects.toThrow(/archive was edited/);
  });
});
