/**
 * Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's Alpha-
 * Reliability", section C). Each unit is the list of values its coders gave (missing values left
 * out); units with fewer than two values are not pairable and are ignored.
 *
 *   alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k
 *
 * with o_ck the coincidences (each ordered pair of values within a unit weighted 1 / (m_u − 1)), n_c
 * the marginals and n the number of pairable values. Undefined (null) when there are no pairable
 * values or every value is the same (no expected disagreement).
 */
export interface AlphaResult {
  alpha: number | null;
  /** Units with at least two values. */
  units: number;
  /** Values in those units (n). */
  values: number;
}

export function krippendorffAlphaNominal(units: readonly (readonly string[])[]): AlphaResult {
  const pairable = units.filter((unit) => unit.length >= 2);
  const marginals = new Map<string, number>();
  let observedDisagreement = 0;
  let total = 0;
  for (const unit of pairable) {
    const counts = new Map<string, number>();
    for (const value of unit) counts.set(value, (counts.get(value) ?? 0) + 1);
    // Ordered pairs of different values in this unit: m_u² − Σ count², weighted by 1/(m_u − 1).
    let sameValuePairs = 0;
    for (const count of counts.values()) sameValuePairs += count * count;
    observedDisagreement += (unit.length * unit.length - sameValuePairs) / (unit.length - 1);
    for (const [value, count] of counts) marginals.set(value, (marginals.get(value) ?? 0) + count);
    total += unit.length;
  }
  let sumSquares = 0;
  for (const count of marginals.values()) sumSquares += count * count;
  const expectedDisagreement = total * total - sumSquares;
  if (total === 0 || expectedDisagreement === 0) {
    return { alpha: null, units: pairable.length, values: total };
  }
  return {
    alpha: 1 - ((total - 1) * observedDisagreement) / expectedDisagreement,
    units: pairable.length,
    values: total,
  };
}
