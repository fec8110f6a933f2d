import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ggsrFramework } from './fixtures/frameworks.js';

const folder = fileURLToPath(new URL('../../../server/analysis/', import.meta.url));
const sources = readdirSync(folder)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(`${folder}${file}`, 'utf8') }));

/** Comments may cite the factsheets ("Maastricht A9"); code may not. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('server/analysis', () => {
  it('imports only its own files, its shared input/output schemas, the framework schema types, zod and the two Dutch language libraries', () => {
    const allowed =
      /^(\.\/[\w-]+\.js|\.\.\/\.\.\/shared\/analysis\/analysis-(?:input|result)\.js|\.\.\/framework\/framework\.schema\.js|zod|@nlpjs\/lang-nl|stopword)$/;
    for (const { file, text } of sources) {
      const imports = [...text.matchAll(/(?:from|import)\s+'([^']+)'/g)].map((match) => match[1]);
      for (const specifier of imports)
        expect(`${file}: ${specifier}`).toMatch(new RegExp(`: ${allowed.source.slice(1)}`));
    }
  });

  it('names no indicator id and no question of the GGSR framework in code', () => {
    const indicators = ggsrFramework.themes.flatMap((theme) =>
      theme.criteria.flatMap((criterion) => criterion.indicators),
    );
    const names = [
      ...indicators.map((indicator) => indicator.id),
      ...indicators.flatMap((indicator) => indicator.questions.map((question) => question.name)),
    ];
    for (const { file, text } of sources) {
      const code = withoutComments(text);
      for (const name of names) {
        expect(code.match(new RegExp(`\\b${name}\\b`)), `${file} mentions ${name}`).toBeNull();
      }
    }
  });
});
