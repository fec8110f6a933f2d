import { isApiError } from '../../shared/api/api-error.js';
import { describeError } from '../../shared/api/describe-error.js';

/** Dutch texts for the review endpoints' own error codes; anything else as every page explains it. */
const texts: Record<string, string> = {
  judgments_incomplete:
    'Nog niet alle indicatoren zijn beoordeeld. Beoordeel eerst de indicatoren hieronder.',
  no_changes: 'Er is niets veranderd sinds de laatst gepubliceerde versie; een nieuwe versie is niet nodig.',
  baseline_not_published:
    'Publiceer eerst een factsheet van dit onderzoek (en van het tweede onderzoek): het vervolgonderzoek kijkt terug op de gepubliceerde oordelen.',
  no_improvement_points:
    'Dit onderzoek heeft geen verbeterpunten: er is niets om in een vervolgonderzoek opnieuw te vragen.',
  conclusion_conflict: 'Een collega heeft deze conclusies intussen gewijzigd.',
  narrative_conflict: 'Een collega heeft deze tekst intussen gewijzigd.',
  not_a_follow_up:
    'Alleen een vervolgonderzoek heeft een tekst over de ontwikkeling sinds het vorige onderzoek.',
};

export function describeReviewError(error: unknown): string {
  return (isApiError(error) && texts[error.code]) || describeError(error);
}

/** The indicator ids a judgments_incomplete reply lists: `[{indicatorId}]`, plain ids, or either under a key. */
export function missingIndicators(details: unknown): string[] {
  if (Array.isArray(details))
    return details.flatMap((entry: unknown) => {
      if (typeof entry === 'string') return [entry];
      if (typeof entry === 'object' && entry !== null) {
        const { indicatorId, id } = entry as Record<string, unknown>;
        if (typeof indicatorId === 'string') return [indicatorId];
        if (typeof id === 'string') return [id];
      }
      return [];
    });
  if (typeof details === 'object' && details !== null) {
    for (const value of Object.values(details)) {
      const found = missingIndicators(value);
      if (found.length > 0) return found;
    }
  }
  return [];
}
