import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import mongoose, { type Types } from 'mongoose';
import { ConflictError, NotFoundError } from '../errors.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import { MAX_FILES_PER_RESPONDENT } from './answer-schema.js';
import type { RespondContext } from './respond.context.js';
import { AlreadySubmittedError, PayloadTooLargeError, UnsupportedMediaTypeError } from './respond.errors.js';
import type { UploadedFile } from '../../shared/api/respond.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const BUCKET_NAME = 'documents';
/** Bytes buffered before deciding the type: ZIP-based formats need their first entries ([Content_Types].xml, mimetype). */
const DETECTION_BYTES = 64 * 1024;
const MAX_NAME_LENGTH = 120;

/**
 * The allow-list, by detected content (magic bytes), never by the name or the client's Content-Type.
 * DOCX/XLSX/ODT/ODS are ZIP archives: file-type reads their `[Content_Types].xml` or `mimetype` entry, and a
 * plain ZIP (application/zip) is refused.
 */
const allowedTypes: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

type StoredFileMetadata = { respondent: Types.ObjectId; investigation: Types.ObjectId; contentType: string };

function bucketOf(ctx: RespondContext): mongoose.mongo.GridFSBucket {
  const db = ctx.connection.db;
  if (!db) throw new Error('database connection is not open');
  return new mongoose.mongo.GridFSBucket(db, { bucketName: BUCKET_NAME });
}

/** Lookups by owner (count, ownership check on submit) need an index next to GridFS's own. */
export async function ensureFileIndexes(ctx: Pick<RespondContext, 'connection'>): Promise<void> {
  const db = ctx.connection.db;
  if (!db) throw new Error('database connection is not open');
  await db.collection(`${BUCKET_NAME}.files`).createIndex({ 'metadata.respondent': 1 });
}

/**
 * Streams one upload into GridFS. The per-respondent cap is reserved first with a conditional `$inc`
 * (concurrent uploads cannot pass it); the type is decided from the first bytes before anything is
 * written; an upload over the size limit is aborted, which deletes the chunks already written.
 */
export async function storeUpload(
  ctx: RespondContext,
  respondent: RespondentRecord,
  upload: { stream: Readable; filename: string },
): Promise<UploadedFile> {
  await assertEditable(ctx, respondent._id);
  const reserved = await ctx.models.Respondent.updateOne(
    { _id: respondent._id, fileCount: mongoose.trusted({ $lt: MAX_FILES_PER_RESPONDENT }) },
    { $inc: { fileCount: 1 } },
  );
  if (reserved.modifiedCount !== 1) {
    throw new ConflictError(
      'too_many_files',
      `U kunt hoogstens ${MAX_FILES_PER_RESPONDENT} bestanden toevoegen. Verwijder eerst een bestand.`,
    );
  }
  try {
    return await streamIntoBucket(ctx, respondent, upload);
  } catch (err) {
    await ctx.models.Respondent.updateOne({ _id: respondent._id }, { $inc: { fileCount: -1 } });
    throw err;
  }
}

async function streamIntoBucket(
  ctx: RespondContext,
  respondent: RespondentRecord,
  { stream, filename }: { stream: Readable; filename: string },
): Promise<UploadedFile> {
  const bucket = bucketOf(ctx);
  let head: Buffer[] = [];
  let headBytes = 0;
  let total = 0;
  let target: mongoose.mongo.GridFSBucketWriteStream | undefined;
  let stored: { name: string; type: string } | undefined;

  const open = async (): Promise<void> => {
    const sample = Buffer.concat(head);
    head = [];
    const detected = await fileTypeFromBuffer(sample);
    const extensions = detected ? allowedTypes[detected.mime] : undefined;
    if (!detected || !extensions) {
      throw new UnsupportedMediaTypeError(
        'unsupported_file_type',
        'Dit type bestand wordt niet geaccepteerd. Upload een PDF-, Word- (DOCX), OpenDocument- (ODT/ODS), Excel- (XLSX), PNG- of JPEG-bestand.',
      );
    }
    stored = { name: sanitizeFileName(filename, extensions), type: detected.mime };
    const metadata: StoredFileMetadata = {
      respondent: respondent._id,
      investigation: respondent.investigation,
      contentType: detected.mime,
    };
    target = bucket.openUploadStream(stored.name, { metadata });
    await writeChunk(target, sample);
  };

  const consume = async (chunk: Buffer): Promise<void> => {
    total += chunk.length;
    if (total > MAX_FILE_BYTES) {
      throw new PayloadTooLargeError('file_too_large', 'Het bestand is groter dan 20 MB.');
    }
    if (target) return writeChunk(target, chunk);
    head.push(chunk);
    headBytes += chunk.length;
    if (headBytes >= DETECTION_BYTES) await open();
  };

  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      // Chunks are consumed strictly in order; 'end' can fire while the last chunk is still being
      // consumed (a paused stream still ends once its buffer is empty), so it waits for the chain too.
      let chain = Promise.resolve();
      // After a failure keep reading and discarding: destroying a busboy file stream stalls the request.
      stream.on('data', (chunk: Buffer) => {
        if (failed) return;
        stream.pause();
        chain = chain
          .then(() => consume(chunk))
          .then(
            () => void stream.resume(),
            (err: unknown) => {
              failed = true;
              reject(err);
              stream.resume();
            },
          );
      });
      stream.once('end', () => {
        chain
          .then(async () => {
            if (failed) return;
            if (!target) await open();
            if (target) await endStream(target);
          })
          .then(resolve, reject);
      });
      stream.once('error', reject);
    });
  } catch (err) {
    if (target) await target.abort().catch(() => undefined);
    throw err;
  }
  if (!target || !stored) throw new Error('upload finished without a target');
  if (total === 0) {
    await bucket.delete(target.id).catch(() => undefined);
    throw new UnsupportedMediaTypeError('unsupported_file_type', 'Het bestand is leeg.');
  }
  return { id: target.id.toHexString(), name: stored.name, size: total, type: stored.type };
}

function writeChunk(target: mongoose.mongo.GridFSBucketWriteStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    target.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}

function endStream(target: mongoose.mongo.GridFSBucketWriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    target.once('error', reject);
    target.end(() => resolve());
  });
}

export type DownloadableFile = { name: string; type: string; size: number; stream: Readable };

/** A respondent may download only their own uploads. */
export async function openDownload(
  ctx: RespondContext,
  respondent: RespondentRecord,
  fileId: string,
): Promise<DownloadableFile> {
  const bucket = bucketOf(ctx);
  const file = await findOwnedFile(bucket, respondent._id, fileId);
  const metadata = file.metadata as Partial<StoredFileMetadata> | undefined;
  return {
    name: file.filename,
    type: metadata?.contentType ?? 'application/octet-stream',
    size: file.length,
    stream: bucket.openDownloadStream(file._id),
  };
}

/** Removes an upload while the response is still a concept and frees its place under the cap. */
export async function deleteUpload(
  ctx: RespondContext,
  respondent: RespondentRecord,
  fileId: string,
): Promise<void> {
  await assertEditable(ctx, respondent._id);
  const bucket = bucketOf(ctx);
  const file = await findOwnedFile(bucket, respondent._id, fileId);
  await bucket.delete(file._id);
  await ctx.models.Respondent.updateOne(
    { _id: respondent._id, fileCount: mongoose.trusted({ $gt: 0 }) },
    { $inc: { fileCount: -1 } },
  );
}

/** Of `ids`, those that are not uploads of this respondent. */
export async function findMissingFiles(
  ctx: RespondContext,
  respondentId: Types.ObjectId,
  ids: readonly string[],
): Promise<string[]> {
  const objectIds = ids.map((id) => new mongoose.Types.ObjectId(id));
  const found = await bucketOf(ctx)
    .find({ _id: { $in: objectIds }, 'metadata.respondent': respondentId }, { projection: { _id: 1 } })
    .toArray();
  const present = new Set(found.map((file) => file._id.toHexString()));
  return ids.filter((id) => !present.has(id));
}

async function findOwnedFile(
  bucket: mongoose.mongo.GridFSBucket,
  respondentId: Types.ObjectId,
  fileId: string,
): Promise<mongoose.mongo.GridFSFile> {
  const [file] = await bucket
    .find({ _id: new mongoose.Types.ObjectId(fileId), 'metadata.respondent': respondentId })
    .limit(1)
    .toArray();
  if (!file) throw new NotFoundError('file_not_found', 'Bestand niet gevonden.');
  return file;
}

async function assertEditable(ctx: RespondContext, respondentId: Types.ObjectId): Promise<void> {
  const response = await ctx.models.Response.findOne({ respondent: respondentId }, { status: 1 }).lean();
  if (response?.status === 'ingediend') throw new AlreadySubmittedError();
}

/**
 * A display name safe for Content-Disposition and for whoever saves it: no path, no control or bidi
 * characters (which can disguise an extension), at most MAX_NAME_LENGTH characters with the extension kept,
 * and an extension that matches the detected type (appended when the given one does not).
 */
export function sanitizeFileName(raw: string, extensions: readonly string[]): string {
  const cleaned = raw
    .normalize('NFC')
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/["<>:|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const dot = cleaned.lastIndexOf('.');
  const givenExtension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const [preferred = 'bin'] = extensions;
  const keepsExtension = extensions.includes(givenExtension);
  const base = (keepsExtension ? cleaned.slice(0, dot) : cleaned).trim() || 'document';
  const extension = keepsExtension ? givenExtension : preferred;
  const room = MAX_NAME_LENGTH - extension.length - 1;
  return `${Array.from(base).slice(0, room).join('').trim()}.${extension}`;
}
