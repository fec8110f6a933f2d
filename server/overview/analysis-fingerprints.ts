import { createHash } from 'node:crypto';
import mongoose, { type Types } from 'mongoose';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { Models } from '../models/index.js';
import { scopeOf } from './analysed-investigations.js';

type RespondentState = {
  _id: Types.ObjectId;
  investigation: Types.ObjectId;
  role: string;
  slot: number;
  organisation: string;
  revokedAt?: Date | null;
  submittedAt?: Date | null;
  startedAt?: Date | null;
};
type ResponseState = {
  respondent: Types.ObjectId;
  status: string;
  revision: number;
  updatedAt?: Date | null;
};

const time = (date: Date | null | undefined): string => (date ? String(date.getTime()) : '-');

/**
 * Per investigation a hash of everything its analysis reads (see loadAnswerSets): the framework
 * version, the follow-up scope, and per respondent its role, slot, label, revoked/started/submitted
 * moments and its response's status, plus for a submitted response its revision and updatedAt. Every
 * write to answers bumps the revision, so a changed submission always changes the hash. A draft's
 * revision is left out on purpose: drafts are never analysed, so autosaves do not invalidate anything.
 * Two grouped queries without the answers themselves, whatever the number of investigations.
 */
export async function analysisFingerprints(
  models: Models,
  frameworkVersion: string,
  investigations: readonly InvestigationRecord[],
): Promise<Map<string, string>> {
  const ids = investigations.map((investigation) => investigation._id);
  const match = { $match: { investigation: mongoose.trusted({ $in: ids }) } };
  // Grouped per investigation in the database: the same fields as a find, in a fraction of the documents.
  const [respondentGroups, responseGroups] = await Promise.all([
    models.Respondent.aggregate<{ _id: Types.ObjectId; states: RespondentState[] }>([
      match,
      {
        $group: {
          _id: '$investigation',
          states: {
            $push: {
              _id: '$_id',
              investigation: '$investigation',
              role: '$role',
              slot: '$slot',
              organisation: '$organisation',
              revokedAt: '$revokedAt',
              submittedAt: '$submittedAt',
              startedAt: '$startedAt',
            },
          },
        },
      },
    ]),
    models.Response.aggregate<{ _id: Types.ObjectId; states: ResponseState[] }>([
      match,
      {
        $group: {
          _id: '$investigation',
          states: {
            $push: {
              respondent: '$respondent',
              status: '$status',
              revision: '$revision',
              updatedAt: '$updatedAt',
            },
          },
        },
      },
    ]),
  ]);
  const respondents = respondentGroups.flatMap((group) => group.states);
  const responses = responseGroups.flatMap((group) => group.states);
  const responseOf = new Map(responses.map((response) => [response.respondent.toString(), response]));
  const statesOf = new Map<string, RespondentWithResponse[]>(ids.map((id) => [id.toString(), []]));
  for (const respondent of respondents) {
    statesOf
      .get(respondent.investigation.toString())
      ?.push({ respondent, response: responseOf.get(respondent._id.toString()) ?? null });
  }
  const fingerprints = new Map<string, string>();
  for (const investigation of investigations) {
    const key = investigation._id.toString();
    fingerprints.set(
      key,
      analysisFingerprint(frameworkVersion, scopeOf(investigation), statesOf.get(key) ?? []),
    );
  }
  return fingerprints;
}

export type RespondentWithResponse = {
  respondent: Omit<RespondentState, 'investigation'>;
  response: Omit<ResponseState, 'respondent'> | null;
};

/** The hash of one investigation's analysis input state; independent of the respondents' order. */
export function analysisFingerprint(
  frameworkVersion: string,
  scope: readonly string[] | null,
  states: readonly RespondentWithResponse[],
): string {
  const parts = states.map(({ respondent, response }) =>
    [
      respondent._id.toString(),
      respondent.role,
      respondent.slot,
      JSON.stringify(respondent.organisation),
      time(respondent.revokedAt),
      time(respondent.startedAt),
      time(respondent.submittedAt),
      !response
        ? 'none'
        : response.status === 'ingediend'
          ? `ingediend@${response.revision}@${time(response.updatedAt)}`
          : response.status,
    ].join('|'),
  );
  const hash = createHash('sha256')
    .update(frameworkVersion)
    .update('\n')
    .update(JSON.stringify(scope?.toSorted() ?? null));
  for (const part of parts.sort()) hash.update('\n').update(part);
  return hash.digest('base64url');
}
