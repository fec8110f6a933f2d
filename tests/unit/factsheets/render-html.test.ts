import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../server/factsheets/build-snapshot.js';
import { renderFactsheetHtml } from '../../../server/factsheets/render-html.js';
import type { Framework } from '../../../server/framework/framework.schema.js';
import { almereFollowUp, ggsrFramework, maastrichtInput, maastrichtSheet } from './fixtures.js';

let framework: Framework;
beforeAll(async () => {
  framework = await ggsrFramework();
});

/** The <tr> of an indicator, found by its text. */
function rowOf(html: string, indicatorText: string): string {
  const at = html.indexOf(`>${indicatorText}</th>`);
  expect(at, indicatorText).toBeGreaterThan(0);
  return html.slice(html.lastIndexOf('<tr>', at), html.indexOf('</tr>', at));
}

function indicatorText(id: string): string {
  for (const t of framework.themes)
    for (const c of t.criteria) for (const i of c.indicators) if (i.id === id) return i.text;
  throw new Error(id);
}

describe('renderFactsheetHtml: a baseline factsheet', () => {
  it('is a standalone Dutch document laid out like the seeds', () => {
    const html = renderFactsheetHtml(maastrichtSheet(framework));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<h1>Uitkomsten toezichtonderzoek Maastricht</h1>');
    expect(html).toContain('Aanpak: Integrale Aanpak');
    expect(html).toContain('@page { size: A4;');
    const order = [
      'Samenwerkend Toezicht Jeugd</p>',
      'verstaat onder een gezin met geringe sociale redzaamheid',
      '<li>Gezin: omvat één of meerdere ouders, één of meerdere kinderen;</li>',
      'De gemeente heeft de vragenlijst betreffende deze aanpak ingevuld en relevante documentatie toegestuurd. Een – beperktere – vragenlijst over deze aanpak is ingevuld door:',
      '<ul class="partners"><li>Mondriaan</li><li>Bureau Jeugdzorg</li></ul>',
      'Deze netwerkpartners zijn aangedragen door de gemeente.',
      '<h2>Beschrijving</h2>',
      'Op dit moment krijgen 316 gezinnen in Maastricht ondersteuning vanuit deze aanpak.',
      '<h2>Bevindingen toezichtonderzoek</h2>',
      'heeft &#39;Integrale Aanpak&#39; getoetst aan de hand van vijf thema&#39;s',
      '<li><strong>Toeleiding:</strong> gezinnen zijn in beeld en worden bereikt met de aanpak</li>',
      '<caption>Toeleiding</caption>',
      '<caption>Continu</caption>',
      'Versie 1 — gepubliceerd op 22 november 2026',
    ];
    let from = 0;
    for (const piece of order) {
      const at = html.indexOf(piece, from);
      expect(at, piece).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('makes no external requests', () => {
    const html = renderFactsheetHtml(maastrichtSheet(framework));
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).not.toMatch(/url\(|@import|<script/i);
  });

  it('escapes every inspector and respondent text', () => {
    const input = maastrichtInput(framework);
    const sheet = buildSnapshot({
      ...input,
      investigation: { ...input.investigation, municipality: 'Oss & <Zoo>' },
      judgments: input.judgments.map((j) =>
        j.indicatorId === 'T1'
          ? { ...j, finding: '<script>alert("x")</script> en "meer"', letOp: '<img onerror=x>' }
          : j,
      ),
      answerSets: input.answerSets.map((s) =>
        s.role === 'netwerkpartner' ? { ...s, label: '<b>Mondriaan</b>' } : s,
      ),
    }).factsheet;
    const html = renderFactsheetHtml(sheet);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Mondriaan');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; en &quot;meer&quot;');
    expect(html).toContain('<title>Uitkomsten toezichtonderzoek Oss &amp; &lt;Zoo&gt;</title>');
    expect(html).toContain('LET OP:</strong> &lt;img onerror=x&gt;');
  });

  it('shows ✓ and ✗ with a text alternative, and niet beoordeeld in words', () => {
    const html = renderFactsheetHtml(maastrichtSheet(framework));
    const ok = rowOf(html, indicatorText('T1'));
    expect(ok).toContain(
      '<span aria-hidden="true" class="mark mark-voldoet">✓</span><span class="sr-only">voldoet: </span>',
    );
    const bad = rowOf(html, indicatorText('A14'));
    expect(bad).toContain(
      '<span aria-hidden="true" class="mark mark-verbeterpunt">✗</span><span class="sr-only">verbeterpunt: </span>',
    );
    const none = rowOf(html, indicatorText('S5'));
    expect(none).toContain('–</span> <span class="label">niet beoordeeld</span>');
    expect(html).toContain('.sr-only {');
  });

  it('uses real table semantics with the criterion spanning its indicators', () => {
    const html = renderFactsheetHtml(maastrichtSheet(framework));
    expect(html.match(/<table /g)).toHaveLength(5);
    expect(html).toContain(
      '<th scope="col">Criteria</th><th scope="col">Indicatoren</th><th scope="col">Bevindingen</th>',
    );
    expect(html).toContain('<th scope="rowgroup" rowspan="7" class="criterion">Planmatig</th>');
    expect(html).toContain('<th scope="rowgroup" rowspan="1" class="criterion">Toereikende informatie</th>');
    expect(html.match(/scope="rowgroup"/g)).toHaveLength(13);
    expect(html.match(/<tbody>/g)).toHaveLength(13);
    expect(html.match(/<th scope="row" class="indicator">/g)).toHaveLength(30);
  });

  it('prints the LET OP paragraph under the finding', () => {
    const html = renderFactsheetHtml(maastrichtSheet(framework));
    const row = rowOf(html, indicatorText('A7'));
    expect(row).toContain(
      '<p class="let-op"><strong>LET OP:</strong> Er zijn geen afspraken gemaakt over de maximale caseload van de regisseur.</p>',
    );
    expect(row.indexOf('Bevinding bij A7')).toBeLessThan(row.indexOf('LET OP'));
  });

  it('adds conclusions per theme, leaving out empty ones', () => {
    const html = renderFactsheetHtml(maastrichtSheet(framework));
    expect(html).toContain(
      '<h3>Conclusies Toeleiding</h3><h4>Wat gaat goed?</h4><p>Gezinnen zijn goed in beeld.</p></div>',
    );
    expect(html).toContain(
      '<h3>Conclusies Samenwerking</h3><h4>Wat kan beter?</h4><p>Formaliseer de samenwerkingsafspraken.</p>',
    );
    expect(html.match(/<h3>Conclusies/g)).toHaveLength(2);
  });

  it('marks the preview as a concept and shows unjudged indicators', () => {
    const input = maastrichtInput(framework);
    const { factsheet, missing } = buildSnapshot({
      ...input,
      judgments: input.judgments.filter((j) => j.indicatorId !== 'C2'),
    });
    const html = renderFactsheetHtml(factsheet, { draft: true, missing });
    expect(html).toContain('<p class="draft" role="note">Concept — niet gepubliceerd</p>');
    expect(rowOf(html, indicatorText('C2'))).toContain('nog niet beoordeeld');
    expect(html.match(/nog niet beoordeeld/g)).toHaveLength(1);
    expect(html).not.toContain('Versie 1 —');
  });
});

describe('renderFactsheetHtml: a follow-up report', () => {
  it('has one column per baseline and one for the follow-up year, with ✓/✗ and findings per cell', () => {
    const html = renderFactsheetHtml(almereFollowUp(framework));
    expect(html).toContain('<h1>Uitkomsten verbeterpunten toezichtonderzoek Almere</h1>');
    expect(html).toContain(
      'Aanpak: Wijkteams en Gezinsbegeleiders<br>(2013: Multiprobleemgezinnen en Versterkt Verder)',
    );
    expect(html).toContain(
      'In 2013 heeft STJ in Almere de aanpak &#39;Multiprobleemgezinnen&#39; en de aanpak &#39;Versterkt Verder&#39;',
    );
    expect(html).toContain('<h2>Uitkomsten verbeterpunten</h2>');
    expect(html).toContain(
      '<thead><tr><th scope="col">Indicator</th><th scope="col">2013 Multiprobleemgezinnen</th><th scope="col">2013 Versterkt Verder</th><th scope="col">2014</th></tr></thead>',
    );
    expect(html).not.toContain('Criteria</th>');
    expect(html).not.toContain('Beschrijving');
    const t1 = rowOf(html, indicatorText('T1'));
    expect(t1.match(/<td>/g)).toHaveLength(3);
    expect(t1).toMatch(/✗<\/span><span class="sr-only">verbeterpunt: <\/span> MPG 2013 over T1/);
    expect(t1).toContain('<td><span class="sr-only">niet getoetst in deze aanpak</span></td>');
    expect(t1).toMatch(/✓<\/span><span class="sr-only">voldoet: <\/span> Voor alle partijen/);
    const c1 = rowOf(html, indicatorText('C1'));
    expect(c1).toContain('VV 2013 over C1');
    expect(c1).toContain('<strong>LET OP:</strong> Monitoring start in 2015.');
  });
});

describe('renderFactsheetHtml: the follow-up narrative', () => {
  it('puts "Ontwikkeling <jaar>" with its sub-headings between the introduction and the results', () => {
    const html = renderFactsheetHtml(almereFollowUp(framework));
    const section =
      /<section class="development"><h2>Ontwikkeling 2014<\/h2><p>Op 13 januari 2015 heeft de gemeente Almere aan STJ gepresenteerd hoe de verbeterpunten zijn opgepakt.<\/p><h3>Sociale wijkteams<\/h3><p>In de stad zijn twaalf sociale wijkteams actief/;
    expect(html).toMatch(section);
    const order = ['<h2>Inleiding</h2>', '<h2>Ontwikkeling 2014</h2>', '<h2>Uitkomsten verbeterpunten</h2>'];
    const positions = order.map((piece) => html.indexOf(piece));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('shows markup typed into the narrative as text', () => {
    const html = renderFactsheetHtml(
      almereFollowUp(framework, '<script>alert("x")</script>\n### <img src=x onerror=alert(1)>'),
    );
    expect(html).toContain('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    expect(html).toContain('<h3>&lt;img src=x onerror=alert(1)&gt;</h3>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
  });

  it('leaves the section out while nothing is written', () => {
    const html = renderFactsheetHtml(almereFollowUp(framework, '  \n\n'));
    expect(html).not.toContain('Ontwikkeling');
    expect(html).toContain('<h2>Uitkomsten verbeterpunten</h2>');
  });
});

describe('renderFactsheetHtml: wording from the framework', () => {
  it('says whom the care is for in the framework’s own words', () => {
    const youth: Framework = {
      ...framework,
      factsheetWording: {
        careFor: 'verantwoorde zorg voor jongeren in een gesloten setting',
        assessedCare: 'de zorg aan jongeren in een gesloten setting',
        supported: { one: 'jongere', many: 'jongeren' },
      },
    };
    const html = renderFactsheetHtml(maastrichtSheet(youth));
    expect(html).toContain('thema&#39;s voor verantwoorde zorg voor jongeren in een gesloten setting.');
    expect(html).toContain('beoordeelt of op beleidsniveau de zorg aan jongeren in een gesloten setting op');
    expect(html).toContain('Op dit moment krijgen 316 jongeren in Maastricht ondersteuning');
    expect(html).not.toMatch(/gezinnen met (een )?geringe sociale redzaamheid/);
    expect(html).not.toContain('316 gezinnen');
  });

  it('keeps the GGSR sentences of the seeds for the GGSR framework', () => {
    const html = renderFactsheetHtml(maastrichtSheet(framework));
    expect(html).toContain(
      'getoetst aan de hand van vijf thema&#39;s voor verantwoorde zorg en ondersteuning voor gezinnen met een geringe sociale redzaamheid. De vijf thema&#39;s zijn:',
    );
    expect(html).toContain(
      'waarmee STJ beoordeelt of op beleidsniveau de zorg en ondersteuning aan gezinnen met geringe sociale redzaamheid op toereikende wijze is vormgegeven.',
    );
    expect(renderFactsheetHtml(almereFollowUp(framework))).toContain(
      'Het toetsingskader bestaat uit thema&#39;s voor verantwoorde zorg en ondersteuning voor gezinnen met een geringe sociale redzaamheid. In dit vervolgonderzoek',
    );
  });
});
