import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditActionLabels } from '../../../client/src/inspector/audit-labels.js';

const serverDir = path.resolve(import.meta.dirname, '..', '..', '..', 'server');

/**
 * The action codes the server can write to the audit log, read from its source: a literal `action:` in
 * an audit record (or a history subject), or the first argument of a local `audit(...)` helper. The
 * engine (server/db) is app-agnostic and writes no audit entries.
 */
async function serverAuditActions(): Promise<Set<string>> {
  const files = (await readdir(serverDir, { recursive: true })).filter(
    (file) => file.endsWith('.ts') && !file.startsWith(`db${path.sep}`),
  );
  const actions = new Set<string>();
  for (const file of files) {
    const source = await readFile(path.join(serverDir, file), 'utf8');
    for (const match of source.matchAll(/\baction:\s*'([a-z_.]+)'|\baudit\(\s*'([a-z_.]+)'/g))
      actions.add(match[1] ?? match[2] ?? '');
  }
  return actions;
}

describe('audit log labels', () => {
  it('has a Dutch label for every action the server writes', async () => {
    const actions = await serverAuditActions();
    // The scan itself must work: the server writes well over twenty kinds of entries.
    expect(actions.size).toBeGreaterThan(20);
    expect([...actions].filter((action) => !(action in auditActionLabels)).sort()).toEqual([]);
  });

  it('never shows a raw code, also not for an unknown action', () => {
    expect(auditActionLabel('judgment.updated')).toBe('Oordeel gewijzigd');
    expect(auditActionLabel('something.new_here')).toBe('something new here');
  });
});
