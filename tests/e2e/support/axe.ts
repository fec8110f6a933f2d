/// <reference lib="dom" />
// Code passed to page.evaluate runs in Chromium, so these files see DOM types.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from './build-client.js';

const axeSource = fs.readFileSync(path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export type AxeViolation = { id: string; help: string; nodes: string[] };

type AxeResult = {
  violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
};
type AxeWindow = { axe?: { run(context: Document, options: unknown): Promise<AxeResult> } };

/** WCAG 2.0 A/AA and 2.1 AA violations on the page as it is now, in a form that reads well in a failure. */
export async function findAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') rightly refuses a script tag.
  if (!(await page.evaluate(() => Boolean((window as AxeWindow).axe)))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as AxeWindow).axe;
    if (!axe) throw new Error('axe-core did not load');
    return axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] });
  });
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  }));
}
