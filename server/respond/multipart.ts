import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { BadRequestError } from '../errors.js';

/**
 * Feeds the multipart field `file` of a request to `handle` as a stream and settles once the whole
 * request has been read. Other parts are drained and ignored. `maxFileBytes` + 1 is busboy's own cap,
 * so a client cannot make the server buffer or count far beyond the limit the handler enforces.
 */
export function receiveSingleFile<T>(
  req: Request,
  maxFileBytes: number,
  handle: (file: { stream: Readable; filename: string }) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send UTF-8 file names; busboy's default (latin1) would garble "één.pdf".
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: maxFileBytes + 1, fields: 10, fieldSize: 1024, parts: 12 },
      });
    } catch {
      reject(
        new BadRequestError('invalid_multipart', 'Expected a multipart/form-data body with a field "file"'),
      );
      return;
    }
    let handled: Promise<T> | undefined;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || handled) {
        stream.resume();
        return;
      }
      handled = handle({ stream, filename: info.filename ?? '' });
      // A handler that fails before reading (e.g. the file cap) must not stall busboy: drain the rest.
      // The request settles on 'close', once busboy has read everything.
      handled.catch(() => stream.resume());
    });
    parser.once('close', () => {
      if (!handled) reject(new BadRequestError('file_missing', 'The multipart field "file" is missing'));
      else handled.then(resolve, reject);
    });
    parser.once('error', () => {
      req.unpipe(parser);
      reject(new BadRequestError('invalid_multipart', 'The multipart body could not be read'));
    });
    req.pipe(parser);
  });
}
