import type { Aggregates } from '../../../../shared/analysis/analysis-result.js';
import type { FrameworkOutline } from '../../../../shared/api/review.js';
import { formatScore, formatShare } from './review-model.js';

type Props = { aggregates: Aggregates; themes: FrameworkOutline['themes'] };

/** How often municipality and partners agree per theme, and Krippendorff's alpha with its caveat. */
export function AgreementSummary({ aggregates, themes }: Props) {
  const alpha = aggregates.krippendorffAlpha;
  const title = (id: string) => themes.find((t) => t.id === id)?.title ?? id;
  return (
    <details className="agreement">
      <summary>
        Overeenstemming tussen respondenten · Krippendorffs alfa{' '}
        {alpha.value === null ? 'niet te berekenen' : `${formatScore(alpha.value)} (lage precisie)`}
      </summary>
      <ul className="agreement__list">
        {aggregates.agreementByTheme.map((theme) => (
          <li key={theme.theme}>
            <strong>{title(theme.theme)}:</strong>{' '}
            {theme.share === null
              ? 'geen vergelijkbare ja/nee-antwoorden'
              : `${formatShare(theme.share)} eens (${theme.agreeing} van ${theme.pairs} ${theme.pairs === 1 ? 'paar' : 'paren'} gemeente–partner)`}
          </li>
        ))}
      </ul>
      <p className="table__secondary">
        Alfa over {alpha.units} vragen, {alpha.values} ja/nee-antwoorden van {alpha.raters} respondenten.{' '}
        {/* The caveat explains a shown value; with no value there is nothing whose precision matters. */}
        {alpha.value === null
          ? 'Er zijn te weinig vergelijkbare ja/nee-antwoorden, of ze verschillen niet, om alfa te berekenen.'
          : alpha.note}
      </p>
    </details>
  );
}
