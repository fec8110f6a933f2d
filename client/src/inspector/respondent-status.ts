import type { BadgeTone } from '../shared/components/badge-tone.js';
import type { RespondentCounts, RespondentStatus } from '../../../shared/api/respondents.js';

export type StatusView = { tone: BadgeTone; label: string };

const labels: Record<RespondentStatus, string> = {
  niet_uitgenodigd: 'Niet uitgenodigd',
  uitgenodigd: 'Uitgenodigd',
  geopend: 'Geopend',
  bezig: 'Bezig',
  ingediend: 'Ingediend',
};

const tones: Record<RespondentStatus, BadgeTone> = {
  niet_uitgenodigd: 'neutral',
  uitgenodigd: 'info',
  geopend: 'info',
  bezig: 'progress',
  ingediend: 'success',
};

/** How one respondent's state reads in a chip: "Bezig 40%"; a revoked link overrides the rest. */
export function respondentStatusView(respondent: {
  status: RespondentStatus;
  progress: number;
  revoked: boolean;
}): StatusView {
  if (respondent.revoked && respondent.status !== 'ingediend') {
    return { tone: 'danger', label: 'Link ingetrokken' };
  }
  if (respondent.status === 'bezig') {
    const percent = Math.max(0, Math.min(100, Math.round(respondent.progress)));
    return { tone: 'progress', label: `Bezig ${percent}%` };
  }
  return { tone: tones[respondent.status], label: labels[respondent.status] };
}

export const statusLabel = (status: RespondentStatus): string => labels[status];
export const statusTone = (status: RespondentStatus): BadgeTone => tones[status];

/** The dashboard's chips: one per non-empty status, in the order a respondent moves through them. */
export function countChips(
  counts: RespondentCounts,
): (StatusView & { status: RespondentStatus; count: number })[] {
  const order: RespondentStatus[] = ['ingediend', 'bezig', 'geopend', 'uitgenodigd', 'niet_uitgenodigd'];
  return order
    .filter((status) => counts[status] > 0)
    .map((status) => ({ status, count: counts[status], tone: tones[status], label: labels[status] }));
}
