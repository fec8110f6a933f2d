import { Fragment } from 'react';
import { Link } from 'react-router';
import type { Overview, OverviewCell } from '../../../../shared/api/review.js';
import { verdictLook, type ShownVerdict } from '../review/verdicts.js';

type Props = { overview: Overview };

const roundLabels = { baseline: 'nulmeting', follow_up: 'vervolgonderzoek' } as const;
const countOrder: ShownVerdict[] = [
  'voldoet',
  'voldoet_let_op',
  'verbeterpunt',
  'niet_beoordeeld',
  'geen_oordeel',
];

function cellText(indicatorId: string, cell: OverviewCell): string {
  const label = verdictLook[cell.verdict].label;
  return `${indicatorId}: ${label}${cell.source === 'proposal' ? ' (voorstel)' : ''}${
    cell.flags > 0 ? `, ${cell.flags} ${cell.flags === 1 ? 'signaal' : 'signalen'}` : ''
  }`;
}

/** Municipalities × indicators: judged verdicts solid, proposals outlined and italic, each a link to judge it. */
export function OverviewMatrix({ overview }: Props) {
  return (
    <div
      className="table-scroll review-scroll"
      tabIndex={0}
      role="region"
      aria-label="Overzicht per gemeente en indicator"
    >
      <table className="table matrix">
        <caption className="visually-hidden">
          Oordelen per gemeente en indicator, {overview.year}; per thema de aantallen
        </caption>
        <thead>
          <tr>
            <td className="matrix__corner" />
            {overview.themes.map((theme) => (
              <th
                key={theme.id}
                scope="colgroup"
                colSpan={theme.indicators.length + 1}
                className="matrix__theme"
              >
                {theme.title}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col" className="matrix__rowhead">
              Gemeente en aanpak
            </th>
            {overview.themes.map((theme) => (
              <Fragment key={theme.id}>
                {theme.indicators.map((indicator) => (
                  <th key={indicator.id} scope="col" className="matrix__indicator" title={indicator.text}>
                    {indicator.id}
                  </th>
                ))}
                <th scope="col" className="matrix__count">
                  Totaal<span className="visually-hidden"> {theme.title}</span>
                </th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.rows.map((row) => (
            <tr key={row.investigationId}>
              <th scope="row" className="matrix__rowhead">
                <Link to={`/inspectie/onderzoeken/${row.investigationId}`}>{row.municipality}</Link>
                <span className="table__secondary">
                  {row.approach} · {roundLabels[row.round]}
                </span>
              </th>
              {overview.themes.map((theme) => (
                <Fragment key={theme.id}>
                  {theme.indicators.map((indicator) => {
                    const cell = row.cells[indicator.id];
                    if (!cell)
                      return (
                        <td key={indicator.id} className="matrix__cell matrix__cell--none">
                          <span className="visually-hidden">{indicator.id}: niet in dit onderzoek</span>
                        </td>
                      );
                    const look = verdictLook[cell.verdict];
                    return (
                      <td key={indicator.id} className="matrix__cell">
                        <Link
                          to={`/inspectie/onderzoeken/${row.investigationId}/beoordeling?indicator=${encodeURIComponent(indicator.id)}`}
                          className={`matrix__link verdict--${look.tone}${cell.source === 'proposal' ? ' matrix__link--proposal' : ''}`}
                          title={cellText(indicator.id, cell)}
                        >
                          <span aria-hidden="true">{look.symbol}</span>
                          <span className="visually-hidden">{cellText(indicator.id, cell)}</span>
                        </Link>
                      </td>
                    );
                  })}
                  <td className="matrix__count">
                    {countOrder
                      .filter((verdict) => (row.countsByTheme[theme.id]?.[verdict] ?? 0) > 0)
                      .map((verdict) => (
                        <span key={verdict} className="matrix__tally">
                          <span aria-hidden="true">{verdictLook[verdict].symbol}</span>
                          <span className="visually-hidden">{verdictLook[verdict].label}:</span>{' '}
                          {row.countsByTheme[theme.id]?.[verdict]}
                        </span>
                      ))}
                  </td>
                </Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
