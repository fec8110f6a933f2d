import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../shared/components/empty-state.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { SkeletonRows } from '../../shared/components/skeleton.js';
import { Spinner } from '../../shared/components/spinner.js';
import {
  investigationKeys,
  listInvestigations,
  type InvestigationFilters,
} from '../api/investigations-api.js';
import { PageHeading } from '../layout/page-heading.js';
import { InvestigationFiltersForm } from './investigation-filters.js';
import { InvestigationsTable } from './investigations-table.js';

export function InvestigationsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: InvestigationFilters = {
    year: searchParams.get('jaar') ?? '',
    status: searchParams.get('status') ?? '',
    q: searchParams.get('zoek') ?? '',
  };
  const filtered = Boolean(filters.year || filters.status || filters.q);
  const list = useQuery({
    queryKey: investigationKeys.list(filters),
    queryFn: ({ signal }) => listInvestigations(filters, signal),
    // Keep the old rows while a filter change loads: the table does not collapse and jump.
    placeholderData: keepPreviousData,
  });

  function setFilter(name: 'jaar' | 'status' | 'zoek', value: string) {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  }

  return (
    <>
      <div className="page-head">
        <PageHeading title="Onderzoeken" />
        <Link className="btn btn--primary" to="/inspectie/onderzoeken/nieuw">
          <span aria-hidden="true">+ </span>Nieuw onderzoek
        </Link>
      </div>
      <InvestigationFiltersForm
        year={filters.year ?? ''}
        status={filters.status ?? ''}
        query={filters.q ?? ''}
        onChange={setFilter}
      />
      <div className="list-status" role="status">
        {list.data &&
          !list.isPlaceholderData &&
          `${list.data.items.length} ${list.data.items.length === 1 ? 'onderzoek' : 'onderzoeken'}`}
        {list.isPlaceholderData && <Spinner label="Bezig met zoeken…" announce={false} />}
      </div>
      {list.isPending && <SkeletonRows rows={5} label="Onderzoeken worden geladen…" />}
      {list.isError && !list.data && (
        <ErrorMessage
          title="De onderzoeken konden niet worden geladen"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      )}
      {list.data && list.data.items.length === 0 && !filtered && (
        <EmptyState
          title="Er zijn nog geen onderzoeken"
          action={
            <Link className="btn btn--primary" to="/inspectie/onderzoeken/nieuw">
              <span aria-hidden="true">+ </span>Nieuw onderzoek
            </Link>
          }
        >
          <p>
            Start een onderzoek voor een gemeente en aanpak. Daarna nodigt u de gemeente uit en ziet u hier de
            voortgang van alle respondenten.
          </p>
        </EmptyState>
      )}
      {list.data && list.data.items.length === 0 && filtered && (
        <EmptyState
          title="Geen onderzoeken gevonden"
          action={
            <Link className="btn btn--secondary" to="/inspectie" replace>
              Filters wissen
            </Link>
          }
        >
          <p>Er zijn geen onderzoeken die passen bij deze filters.</p>
        </EmptyState>
      )}
      {list.data && list.data.items.length > 0 && (
        <div className={list.isPlaceholderData ? 'is-refreshing' : undefined}>
          <InvestigationsTable items={list.data.items} />
        </div>
      )}
    </>
  );
}
