import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { openTarget, type Target } from '../target.js';

let target: Target;
let conn: Connection;

beforeAll(async () => {
  target = await openTarget('gridfs');
  conn = await mongoose.createConnection(target.uri, { dbName: target.dbName }).asPromise();
});

afterAll(async () => {
  await conn?.close();
  await target?.close();
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('GridFS through mongoose.mongo.GridFSBucket', () => {
  it('uploads and downloads a ~3 MB buffer byte for byte', async () => {
    const bucket = new mongoose.mongo.GridFSBucket(conn.db!, { bucketName: 'uploads' });
    const data = randomBytes(3 * 1024 * 1024 + 12345);
    const upload = bucket.openUploadStream('report.pdf', { metadata: { owner: 'x' } });
    await pipeline(Readable.from([data.subarray(0, 1_000_000), data.subarray(1_000_000)]), upload);
    const id = upload.id;

    const files = await bucket.find({ _id: id }).toArray();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ filename: 'report.pdf', length: data.length, metadata: { owner: 'x' } });

    const back = await readAll(bucket.openDownloadStream(id));
    expect(back.length).toBe(data.length);
    expect(back.equals(data)).toBe(true);

    const partial = await readAll(bucket.openDownloadStream(id, { start: 300_000, end: 300_100 }));
    expect(partial.equals(data.subarray(300_000, 300_100))).toBe(true);

    const indexes = await conn.db!.collection('uploads.chunks').listIndexes().toArray();
    expect(indexes.some((i) => i.unique === true && i.key.files_id === 1 && i.key.n === 1)).toBe(true);

    await bucket.delete(id);
    expect(await bucket.find({ _id: id }).toArray()).toHaveLength(0);
    expect(await conn.db!.collection('uploads.chunks').countDocuments({ files_id: id })).toBe(0);
  });
});
