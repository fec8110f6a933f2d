import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkFramework } from './check-framework.js';
import { contentVersion } from './content-hash.js';
import { FrameworkError } from './framework-errors.js';
import { frameworkSchema, type Framework, type QuestionnaireRef } from './framework.schema.js';
import { isRecord, type SurveyElementJson } from './survey-json.js';

/** The framework file's name inside a questionnaire folder (QUESTIONNAIRE_DIR or a test fixture). */
export const FRAMEWORK_FILE = 'toetsingskader.json';

export type LoadedQuestionnaire = {
  id: string;
  role: QuestionnaireRef['role'];
  file: string;
  /** Content hash of `json`; stored with every response. */
  version: string;
  /** The SurveyJS JSON exactly as in the file. */
  json: SurveyElementJson;
};

export type LoadedFramework = {
  framework: Framework;
  /** Content hash of the framework file's JSON (as written, before schema defaults). */
  version: string;
  /** Name the framework is archived under: the framework file's base name ("toetsingskader"). */
  archiveId: string;
  questionnaires: LoadedQuestionnaire[];
};

/**
 * Reads `<dir>/toetsingskader.json` and the questionnaires it references, validates the framework with its
 * zod schema and cross-checks it against the questionnaires. Throws a FrameworkError listing every problem.
 */
export async function loadFramework(
  dir: string,
  frameworkFile: string = FRAMEWORK_FILE,
): Promise<LoadedFramework> {
  const source = path.join(dir, frameworkFile);
  const frameworkJson = await readJson(source);
  if (!frameworkJson.ok) throw new FrameworkError(source, [frameworkJson.problem]);

  const files = new Map<string, unknown>();
  const problems: string[] = [];
  for (const file of referencedFiles(frameworkJson.value)) {
    const read = await readJson(path.join(dir, file));
    if (read.ok) files.set(file, read.value);
    else problems.push(read.problem);
  }
  if (problems.length > 0) throw new FrameworkError(source, problems);
  return validateFramework({ frameworkJson: frameworkJson.value, questionnaireFiles: files, source });
}

/**
 * The same checks on JSON already in memory (questionnaires keyed by the file name the framework uses);
 * the tests feed it deliberately broken copies.
 */
export function validateFramework(input: {
  frameworkJson: unknown;
  questionnaireFiles: ReadonlyMap<string, unknown>;
  source?: string;
}): LoadedFramework {
  const source = input.source ?? FRAMEWORK_FILE;
  const parsed = frameworkSchema.safeParse(input.frameworkJson);
  if (!parsed.success) {
    throw new FrameworkError(
      source,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const framework = parsed.data;
  const byId = new Map<string, unknown>();
  const problems: string[] = [];
  for (const ref of framework.questionnaires) {
    const json = input.questionnaireFiles.get(ref.file);
    if (json === undefined) continue;
    if (!isRecord(json)) problems.push(`${ref.file}: not a JSON object`);
    else byId.set(ref.id, json);
  }
  const archiveId = path.basename(source, '.json');
  if (framework.questionnaires.some((ref) => ref.id === archiveId)) {
    problems.push(`questionnaire id "${archiveId}" clashes with the framework's archive folder name`);
  }
  problems.push(...checkFramework(framework, byId));
  if (problems.length > 0) throw new FrameworkError(source, problems);

  const questionnaires = framework.questionnaires.map((ref): LoadedQuestionnaire => {
    const json = byId.get(ref.id) as SurveyElementJson;
    return { id: ref.id, role: ref.role, file: ref.file, version: contentVersion(json), json };
  });
  return deepFreeze({ framework, version: contentVersion(input.frameworkJson), archiveId, questionnaires });
}

/** The current questionnaire with this id, or undefined. */
export function findQuestionnaire(loaded: LoadedFramework, id: string): LoadedQuestionnaire | undefined {
  return loaded.questionnaires.find((questionnaire) => questionnaire.id === id);
}

type ReadResult = { ok: true; value: unknown } | { ok: false; problem: string };

export async function readJson(file: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = isRecord(err) && typeof err.code === 'string' ? err.code : 'read error';
    return { ok: false, problem: `${file}: cannot be read (${code})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return {
      ok: false,
      problem: `${file}: invalid JSON (${err instanceof Error ? err.message : String(err)})`,
    };
  }
}

/** The questionnaire files named in an (unvalidated) framework, so they can be read before validation. */
function referencedFiles(frameworkJson: unknown): string[] {
  if (!isRecord(frameworkJson) || !Array.isArray(frameworkJson.questionnaires)) return [];
  return frameworkJson.questionnaires
    .map((ref) => (isRecord(ref) ? ref.file : undefined))
    .filter((file): file is string => typeof file === 'string' && /^[\w.-]+\.json$/.test(file));
}

/** The loaded framework is shared by every request; freezing it stops one caller changing it for all. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
