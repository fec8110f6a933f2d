import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../shared/components/empty-state.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { SelectField } from '../../shared/components/select-field.js';
import { SkeletonRows } from '../../shared/components/skeleton.js';
import { getOverview, reviewKeys, reviewUrls } from '../api/review-api.js';
import { PageHeading } from '../layout/page-heading.js';
import { OverviewLegend } from './overview-legend.js';
import { OverviewMatrix } from './overview-matrix.js';

const rounds = { all: 'Alle rondes', baseline: 'Nulmetingen', follow_up: 'Vervolgonderzoeken' } as const;
type Round = keyof typeof rounds;
const isRound = (value: string | null): value is Round => value !== null && value in rounds;

function yearOptions(): number[] {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - 2013 + 1 }, (_, i) => last - i);
}

/** The overview across municipalities of one year: every verdict at a glance, with downloads. */
export function OverviewPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('jaar')) || new Date().getFullYear();
  const roundParam = params.get('ronde');
  const round: Round = isRound(roundParam) ? roundParam : 'all';
  const overview = useQuery({
    queryKey: reviewKeys.overview(year, round),
    queryFn: ({ signal }) => getOverview(year, round, signal),
  });

  function change(name: 'jaar' | 'ronde', value: string) {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  }

  return (
    <>
      <div className="page-head">
        <PageHeading title="Overzicht" />
        <span className="row-actions">
          <a className="btn btn--secondary btn--small" href={reviewUrls.overviewExport(year, 'csv')} download>
            CSV downloaden
          </a>
          <a
            className="btn btn--secondary btn--small"
            href={reviewUrls.overviewExport(year, 'xlsx')}
            download
          >
            Excel downloaden
          </a>
        </span>
      </div>
      <form className="filters" aria-label="Overzicht kiezen" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Jaar" value={String(year)} onChange={(e) => change('jaar', e.target.value)}>
          {yearOptions().map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField label="Ronde" value={round} onChange={(e) => change('ronde', e.target.value)}>
          {(Object.keys(rounds) as Round[]).map((r) => (
            <option key={r} value={r}>
              {rounds[r]}
            </option>
          ))}
        </SelectField>
      </form>
      <OverviewLegend />
      {overview.isPending && <SkeletonRows rows={6} label="Het overzicht wordt geladen…" />}
      {overview.isError && (
        <ErrorMessage
          title="Het overzicht kon niet worden geladen"
          error={overview.error}
          onRetry={() => void overview.refetch()}
        />
      )}
      {overview.data &&
        (overview.data.rows.length === 0 ? (
          <EmptyState title={`Geen onderzoeken in ${year}`}>
            <p>Kies een ander jaar of een andere ronde.</p>
          </EmptyState>
        ) : (
          <OverviewMatrix overview={overview.data} />
        ))}
    </>
  );
}
