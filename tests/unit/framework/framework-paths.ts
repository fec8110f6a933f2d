import path from 'node:path';

/** Shared by the framework tests: where the real and the fixture frameworks live. */
export const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');
export const questionnaireDir = path.join(projectRoot, 'questionnaires');
export const miniFrameworkDir = path.join(projectRoot, 'tests', 'fixtures', 'frameworks', 'mini');
export const ggsrAnswersDir = path.join(projectRoot, 'tests', 'fixtures', 'frameworks', 'ggsr-answers');
