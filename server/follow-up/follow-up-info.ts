import type { FollowUpInfo } from '../../shared/api/review.js';
import type { FollowUpRecord } from '../models/investigation.model.js';

/** The contract's view of a follow-up record (ids as strings); null for a baseline investigation. */
export function followUpInfo(record: FollowUpRecord | null | undefined): FollowUpInfo | null {
  if (!record || record.baselines.length === 0) return null;
  return {
    baselines: record.baselines.map((b) => ({
      investigationId: b.investigation.toString(),
      factsheetVersion: b.factsheetVersion,
      year: b.year,
      approach: b.approach,
    })),
    indicatorIds: [...record.indicatorIds],
  };
}
