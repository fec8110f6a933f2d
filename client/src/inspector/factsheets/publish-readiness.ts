import type { Review } from '../../../../shared/api/review.js';

/** "‘A’", "‘A’ en ‘B’", "‘A’, ‘B’ en ‘C’": how the page names the texts that are not saved. */
export function joinLabels(labels: readonly string[]): string {
  const quoted = labels.map((label) => `‘${label}’`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} en ${quoted.at(-1)}`;
}

/** The indicators in scope (the analysis is already narrowed to a follow-up's) without a saved judgment. */
export function unjudgedIndicators(review: Pick<Review, 'analysis' | 'judgments'>): string[] {
  const judged = new Set(review.judgments.map((j) => j.indicatorId));
  return review.analysis.indicators.map((i) => i.id).filter((id) => !judged.has(id));
}

/** True when no theme has a saved "Wat gaat goed?" or "Wat kan beter?": allowed, but worth a warning. */
export function allConclusionsEmpty(review: Pick<Review, 'conclusions' | 'framework'>): boolean {
  const themes = new Set(review.framework.themes.map((t) => t.id));
  return !review.conclusions.some(
    (c) => themes.has(c.themeId) && (c.goed.trim() !== '' || c.beter.trim() !== ''),
  );
}

/**
 * A theme's description as a subtitle: the framework words it as a lowercase sentence fragment
 * ("gezinnen zijn in beeld …") to follow the title; standing alone it starts with a capital.
 */
export function themeSubtitle(description: string): string {
  const text = description.trim();
  // Dutch capitalises the digraph: "ijzer" → "IJzer".
  if (/^ij/.test(text)) return `IJ${text.slice(2)}`;
  return text.charAt(0).toLocaleUpperCase('nl-NL') + text.slice(1);
}
