import type { NarrativeBlock } from '../../shared/api/review.js';

/** Marks a sub-heading line, as the seeds write "### Sociale wijkteams". */
const HEADING = /^###[ \t]+(.*)$/;

/**
 * The follow-up narrative as the factsheet shows it. Every line is a paragraph, as in findings and
 * conclusions; a line starting with "### " is a sub-heading. Nothing else is markup, so a "<script>" or
 * a "**" stays text that the renderers escape. Blank lines and a "###" without words disappear.
 */
export function narrativeBlocks(text: string): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line === '###') continue;
    const heading = HEADING.exec(line);
    if (heading) blocks.push({ kind: 'heading', text: (heading[1] ?? '').trim() });
    else blocks.push({ kind: 'paragraph', text: line });
  }
  return blocks;
}
