/**
 * `npm run questionnaires:archive`: keeps every questionnaire and framework version that responses may refer
 * to. Run it after changing a file in QUESTIONNAIRE_DIR and commit the new archive files with the change.
 */
import { loadConfig } from '../config/config.js';
import { FrameworkError } from './framework-errors.js';
import { archiveCurrentVersions } from './questionnaire-archive.js';

async function main(): Promise<void> {
  const { QUESTIONNAIRE_DIR } = loadConfig();
  const { written, alreadyArchived } = await archiveCurrentVersions(QUESTIONNAIRE_DIR);
  for (const file of written) process.stdout.write(`archived ${file}\n`);
  process.stdout.write(
    `${written.length} new version(s) archived, ${alreadyArchived.length} already present. Commit the archive files.\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof FrameworkError ? err.message : err);
  process.exit(1);
});
