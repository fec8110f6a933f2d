import type { RespondentCode } from '../../shared/analysis/analysis-result.js';
import { capitalise, conjugate, joinDutchList, NOEMEN, partnerShare, type Subject } from './dutch.js';
import { namedPartnerShare } from './respondent-answer.js';

/** Items named by the same number of partners: one sentence each in the signal. */
export interface ItemsByPartnerCount {
  partners: number;
  labels: string[];
}

/** Groups items by how many partners named them, fewest first; items keep their order within a group. */
export function groupByPartnerCount<Item extends { label: string }>(
  items: readonly Item[],
  partnerCount: (item: Item) => number,
): ItemsByPartnerCount[] {
  // At most a handful of groups (0…3 partners): a linear find beats a Map here, and this runs for
  // nearly every checkbox question of an overview.
  const groups: ItemsByPartnerCount[] = [];
  for (const item of items) {
    const partners = partnerCount(item);
    const group = groups.find((candidate) => candidate.partners === partners);
    if (group) group.labels.push(item.label);
    else groups.push({ partners, labels: [item.label] });
  }
  if (groups.length > 1) groups.sort((a, b) => a.partners - b.partners);
  return groups;
}

export interface Divergence {
  /** The partners whose ticked items differ from the municipality's (all of them without her). */
  codes: readonly RespondentCode[];
  /** How many partners answered: the base of "twee van de drie". */
  partners: number;
  municipalityAnswered: boolean;
  /** Named by the municipality and by fewer than half of the partners. */
  municipalOnly: readonly ItemsByPartnerCount[];
  /** Named by at least half of the partners, not by the municipality. */
  partnerMajority: readonly ItemsByPartnerCount[];
  noneCommon: boolean;
}

function sentence(subject: Subject, rest: string): string {
  return `${capitalise(subject.phrase)} ${conjugate(subject, NOEMEN)} ${rest}.`;
}

/**
 * The `uiteenlopend` signal as short sentences, one fact each: who differs, then per group of items who
 * named them. "Alle drie de netwerkpartners (P1, P2 en P3) noemen niet hetzelfde als de gemeente. Alleen
 * de gemeente noemt vastgelopen hulpverlening." A reviewer could not read the earlier single sentence
 * with a list of reasons after a colon and a second colon inside each reason.
 */
export function divergenceMessage(divergence: Divergence): string {
  const { codes, partners, municipalityAnswered } = divergence;
  if (!municipalityAnswered) {
    // Without the municipality only "nothing in common" can fire; the partners are all of the answering.
    const everyone = namedPartnerShare(codes, partners);
    return `Er is niets dat ${everyone.phrase} ${conjugate(everyone, NOEMEN)}.`;
  }
  const sentences = [
    codes.length > 0
      ? sentence(namedPartnerShare(codes, partners), 'niet hetzelfde als de gemeente')
      : 'De antwoorden lopen uiteen.',
  ];
  for (const group of divergence.municipalOnly) {
    const labels = joinDutchList(group.labels);
    sentences.push(
      group.partners === 0
        ? `Alleen de gemeente noemt ${labels}.`
        : `De gemeente en ${partnerShare(group.partners, partners).phrase} noemen ${labels}.`,
    );
  }
  // Widest agreement first: "Alle drie de netwerkpartners noemen …" before "Twee van de drie …".
  for (let index = divergence.partnerMajority.length - 1; index >= 0; index -= 1) {
    const group = divergence.partnerMajority[index];
    if (group === undefined) continue;
    sentences.push(
      sentence(partnerShare(group.partners, partners), `${joinDutchList(group.labels)}, de gemeente niet`),
    );
  }
  if (divergence.noneCommon) sentences.push('Er is niets dat alle ondervraagden noemen.');
  return sentences.join(' ');
}
