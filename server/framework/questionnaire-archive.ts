import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentVersion, VERSION_PATTERN } from './content-hash.js';
import { UnknownVersionError } from './framework-errors.js';
import {
  FRAMEWORK_FILE,
  findQuestionnaire,
  loadFramework,
  readJson,
  type LoadedFramework,
} from './load-framework.js';
import { isRecord, type SurveyElementJson } from './survey-json.js';

/**
 * Every questionnaire and framework version that responses may refer to is kept, git-tracked, as
 * `<dir>/archive/<id>/<version>.json`; a response stays readable after the questionnaire changes.
 */
export const ARCHIVE_FOLDER = 'archive';

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

export type QuestionnaireVersion = {
  id: string;
  version: string;
  json: SurveyElementJson;
  /** True when this is the version new respondents get. */
  current: boolean;
};

export function archivePath(dir: string, id: string, version: string): string {
  return path.join(dir, ARCHIVE_FOLDER, id, `${version}.json`);
}

type ArchiveEntry = { id: string; version: string; sourceFile: string };

/** The archive entries the current framework and questionnaires need. */
export function currentArchiveEntries(dir: string, loaded: LoadedFramework, frameworkFile = FRAMEWORK_FILE) {
  const entries: ArchiveEntry[] = loaded.questionnaires.map((questionnaire) => ({
    id: questionnaire.id,
    version: questionnaire.version,
    sourceFile: path.join(dir, questionnaire.file),
  }));
  entries.push({ id: loaded.archiveId, version: loaded.version, sourceFile: path.join(dir, frameworkFile) });
  return entries;
}

/** Paths of archive files the current versions need but that do not exist (or do not match) yet. */
export async function missingArchiveFiles(dir: string, loaded: LoadedFramework): Promise<string[]> {
  const missing: string[] = [];
  for (const entry of currentArchiveEntries(dir, loaded)) {
    const target = archivePath(dir, entry.id, entry.version);
    const archived = await readJson(target);
    if (!archived.ok || contentVersion(archived.value) !== entry.version) missing.push(target);
  }
  return missing;
}

/**
 * Copies the current framework and questionnaire files into the archive (byte for byte) unless that version
 * is already there. Refuses an invalid framework (loadFramework throws) so that no broken version is kept.
 */
export async function archiveCurrentVersions(
  dir: string,
): Promise<{ written: string[]; alreadyArchived: string[] }> {
  const loaded = await loadFramework(dir);
  const written: string[] = [];
  const alreadyArchived: string[] = [];
  for (const entry of currentArchiveEntries(dir, loaded)) {
    const target = archivePath(dir, entry.id, entry.version);
    const archived = await readJson(target);
    if (archived.ok) {
      if (contentVersion(archived.value) !== entry.version) {
        throw new Error(
          `${target} does not hash to ${entry.version}: the archive was edited; restore it from git`,
        );
      }
      alreadyArchived.push(target);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await readFile(entry.sourceFile), { flag: 'wx' });
    written.push(target);
  }
  return { written, alreadyArchived };
}

/**
 * The questionnaire `id` at `version`: the current one when the version matches, otherwise the archived
 * copy (checked against its hash). Throws UnknownVersionError when neither exists.
 */
export async function loadQuestionnaireVersion(
  dir: string,
  id: string,
  version: string,
  current?: LoadedFramework,
): Promise<QuestionnaireVersion> {
  const loaded = current ?? (await loadFramework(dir));
  const questionnaire = findQuestionnaire(loaded, id);
  if (questionnaire?.version === version) {
    return { id, version, json: questionnaire.json, current: true };
  }
  return { id, version, json: await readArchived(dir, id, version), current: false };
}

/** The framework JSON (unvalidated, as archived) at `version`, current or archived. */
export async function loadFrameworkVersion(
  dir: string,
  version: string,
  current?: LoadedFramework,
): Promise<{ version: string; json: SurveyElementJson; current: boolean }> {
  const loaded = current ?? (await loadFramework(dir));
  const json = await readArchived(dir, loaded.archiveId, version);
  return { version, json, current: version === loaded.version };
}

async function readArchived(dir: string, id: string, version: string): Promise<SurveyElementJson> {
  // id and version come from stored responses; the patterns keep them from escaping the archive folder.
  if (!ID_PATTERN.test(id) || !VERSION_PATTERN.test(version)) throw new UnknownVersionError(id, version);
  const read = await readJson(archivePath(dir, id, version));
  if (!read.ok || !isRecord(read.value)) throw new UnknownVersionError(id, version);
  if (contentVersion(read.value) !== version) {
    throw new Error(`${archivePath(dir, id, version)} does not hash to its name: the archive was edited`);
  }
  return read.value;
}
