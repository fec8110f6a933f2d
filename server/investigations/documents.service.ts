import mongoose, { type Types } from 'mongoose';
import { NotFoundError } from '../errors.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import { BUCKET_NAME, openDownload, type DownloadableFile } from '../respond/files.service.js';
import type { InspectorContext } from './inspector.context.js';
import type { InvestigationDocument } from '../../shared/api/documents.js';

function bucket(ctx: InspectorContext): mongoose.mongo.GridFSBucket | undefined {
  const db = ctx.respond?.connection.db;
  return db ? new mongoose.mongo.GridFSBucket(db, { bucketName: BUCKET_NAME }) : undefined;
}

/** The respondents' uploads for an investigation (GridFS metadata names the investigation). */
export async function listDocuments(
  ctx: InspectorContext,
  investigation: Types.ObjectId,
): Promise<InvestigationDocument[]> {
  const files = await bucket(ctx)
    ?.find({ 'metadata.investigation': investigation })
    .sort({ uploadDate: 1 })
    .toArray();
  if (!files || files.length === 0) return [];
  const owners = await ctx.models.Respondent.find({ investigation }, { organisation: 1 }).lean<
    Pick<RespondentRecord, '_id' | 'organisation'>[]
  >();
  const organisation = new Map(owners.map((o) => [o._id.toString(), o.organisation]));
  return files.map((file) => {
    const metadata = (file.metadata ?? {}) as { respondent?: Types.ObjectId; contentType?: string };
    const respondentId = metadata.respondent?.toString() ?? '';
    return {
      id: file._id.toHexString(),
      name: file.filename,
      size: file.length,
      type: metadata.contentType ?? 'application/octet-stream',
      respondentId,
      organisation: organisation.get(respondentId) ?? '',
      uploadedAt: file.uploadDate.toISOString(),
    };
  });
}

/** A document of this investigation, via the respondent file service (ownership checked there too). */
export async function openInvestigationDocument(
  ctx: InspectorContext,
  investigation: Types.ObjectId,
  fileId: string,
): Promise<DownloadableFile> {
  const notFound = new NotFoundError('file_not_found', 'Bestand niet gevonden.');
  if (!ctx.respond || !/^[0-9a-f]{24}$/.test(fileId)) throw notFound;
  const [file] =
    (await bucket(ctx)
      ?.find({ _id: new mongoose.Types.ObjectId(fileId), 'metadata.investigation': investigation })
      .limit(1)
      .toArray()) ?? [];
  const owner = (file?.metadata as { respondent?: Types.ObjectId } | undefined)?.respondent;
  if (!owner) throw notFound;
  const respondent = await ctx.models.Respondent.findById(owner).lean<RespondentRecord>();
  if (!respondent) throw notFound;
  return openDownload(ctx.respond, respondent, fileId);
}
