import type { RespondentSummary } from '../../../../shared/analysis/analysis-result.js';
import { respondentHeading } from './review-model.js';

type Props = { respondents: RespondentSummary[]; code: string };

/** A column heading: "Partner 2" with the organisation underneath. */
export function RespondentHeading({ respondents, code }: Props) {
  const respondent = respondents.find((r) => r.code === code);
  if (!respondent) return <>{code}</>;
  return (
    <>
      {respondentHeading(respondent)}
      {respondent.label && <span className="table__secondary answers__org">{respondent.label}</span>}
    </>
  );
}
