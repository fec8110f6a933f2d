import { describe, expect, it } from 'vitest';
import type { NarrativeBlock } from '../../../shared/api/review.js';
import { narrativeBlocks } from '../../../server/factsheets/narrative-blocks.js';

const p = (text: string): NarrativeBlock => ({ kind: 'paragraph', text });
const h = (text: string): NarrativeBlock => ({ kind: 'heading', text });

describe('narrativeBlocks', () => {
  const cases: { name: string; text: string; blocks: NarrativeBlock[] }[] = [
    { name: 'empty text', text: '', blocks: [] },
    { name: 'only blank lines and spaces', text: '\n  \n\t\n', blocks: [] },
    { name: 'one paragraph', text: 'De gemeente rapporteerde.', blocks: [p('De gemeente rapporteerde.')] },
    {
      name: 'blank lines separate paragraphs',
      text: 'Eerste alinea.\n\nTweede alinea.',
      blocks: [p('Eerste alinea.'), p('Tweede alinea.')],
    },
    {
      name: 'a single line break also starts a paragraph, as in findings',
      text: 'Regel een.\nRegel twee.',
      blocks: [p('Regel een.'), p('Regel twee.')],
    },
    {
      name: 'a "### " line is a sub-heading, as in the seeds',
      text: 'Inleiding.\n\n### Sociale wijkteams\nTwaalf teams.\n\n### Uitvoeringsteam jeugd\n\nEen gezinscoach.',
      blocks: [
        p('Inleiding.'),
        h('Sociale wijkteams'),
        p('Twaalf teams.'),
        h('Uitvoeringsteam jeugd'),
        p('Een gezinscoach.'),
      ],
    },
    {
      name: 'indentation, tabs and trailing spaces around a heading',
      text: '   ###\tWijkteams  \n  Tekst  ',
      blocks: [h('Wijkteams'), p('Tekst')],
    },
    { name: 'a "###" without words disappears', text: '###\n### \nTekst', blocks: [p('Tekst')] },
    {
      name: 'other markup stays text: #, ##, #### and "###" without a space',
      text: '# Een\n## Twee\n#### Vier\n###Geen spatie',
      blocks: [p('# Een'), p('## Twee'), p('#### Vier'), p('###Geen spatie')],
    },
    {
      name: 'HTML stays text (the renderers escape it)',
      text: '<script>alert(1)</script>\n### <b>kop</b>',
      blocks: [p('<script>alert(1)</script>'), h('<b>kop</b>')],
    },
    {
      name: 'Windows and old Mac line endings',
      text: 'Een.\r\n\r\n### Kop\rTwee.',
      blocks: [p('Een.'), h('Kop'), p('Twee.')],
    },
  ];

  it.each(cases)('$name', ({ text, blocks }) => {
    expect(narrativeBlocks(text)).toEqual(blocks);
  });
});
