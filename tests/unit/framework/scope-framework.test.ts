import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../../server/framework/load-framework.js';
import { scopeFramework } from '../../../server/framework/scope-framework.js';

const loaded = await loadFramework(path.resolve(import.meta.dirname, '../../../questionnaires'));
const all = loaded.framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators.map((i) => i.id)));
const ids = (framework: typeof loaded.framework) =>
  framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators.map((i) => i.id)));

describe('scopeFramework', () => {
  it('returns the whole framework for null (a baseline)', () => {
    expect(scopeFramework(loaded.framework, null)).toBe(loaded.framework);
  });

  it.each([
    ['one indicator', [all[3]!]],
    ['first and last', [all[0]!, all[all.length - 1]!]],
    ['unknown ids ignored', [all[5]!, 'bestaat_niet']],
  ])('keeps only the named indicators in framework order: %s', (_name, wanted) => {
    const scoped = scopeFramework(loaded.framework, wanted);
    expect(ids(scoped)).toEqual(all.filter((id) => wanted.includes(id)));
    for (const theme of scoped.themes) {
      expect(theme.criteria.length).toBeGreaterThan(0);
      for (const criterion of theme.criteria) expect(criterion.indicators.length).toBeGreaterThan(0);
    }
  });

  it('leaves the input untouched', () => {
    const before = JSON.stringify(loaded.framework);
    scopeFramework(loaded.framework, [all[0]!]);
    expect(JSON.stringify(loaded.framework)).toBe(before);
  });
});
