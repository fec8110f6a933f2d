import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The DejaVu TTFs from the dejavu-fonts-ttf package: full Latin (ë, é, –) and ✓/✗, which the PDF
 * standard fonts lack. Resolved through the package itself so it works from server/ and from dist/.
 */
export function dejavuFont(file: 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf'): string {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('dejavu-fonts-ttf/package.json'));
  return path.join(dir, 'ttf', file);
}

const loaded = new Map<string, Buffer>();

/** The font file's bytes, read once per process: every PDF embeds the same two fonts. */
export function dejavuFontData(file: 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf'): Buffer {
  let data = loaded.get(file);
  if (!data) {
    data = readFileSync(dejavuFont(file));
    loaded.set(file, data);
  }
  return data;
}
