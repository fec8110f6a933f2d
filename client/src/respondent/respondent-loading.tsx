/** Shown while the respondent route or its SurveyJS chunk loads (a slow connection can take seconds). */
export function RespondentLoading() {
  return (
    <p role="status" className="page">
      De vragenlijst wordt geladen…
    </p>
  );
}
