import { open, unlink, type FileHandle } from 'node:fs/promises';

export function errnoCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/**
 * A created, renamed or deleted file is only durable once its directory entry is: fsync the directory.
 * Some platforms (Windows) cannot open a directory for fsync; they journal metadata themselves.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(dir, 'r');
  } catch (error) {
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    const code = errnoCode(error);
    if (!(process.platform === 'win32' && (code === 'EPERM' || code === 'EISDIR'))) throw error;
  } finally {
    await handle.close();
  }
}

/** write() may write less than asked (a full disk mid-buffer); keep going until done or an error. */
export async function writeFully(handle: FileHandle, data: Buffer, position: number): Promise<void> {
  let written = 0;
  while (written < data.length) {
    const { bytesWritten } = await handle.write(data, written, data.length - written, position + written);
    if (bytesWritten === 0) throw new Error(`write made no progress at byte ${position + written}`);
    written += bytesWritten;
  }
}

export async function removeIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}
