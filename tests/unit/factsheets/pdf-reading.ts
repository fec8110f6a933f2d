import { extractText, getDocumentProxy } from 'unpdf';
import { z } from 'zod';

/** Reading a rendered factsheet PDF back: its text per page, and text runs drawn over each other. */

export async function read(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text: pages } = await extractText(doc, { mergePages: false });
  const info = z.record(z.string(), z.unknown()).parse((await doc.getMetadata()).info);
  return { totalPages, pages, text: pages.join('\n'), flat: pages.join(' ').replace(/\s+/g, ' '), info };
}

export type Placed = { text: string; x: number; y: number; width: number; height: number };

/** Text runs whose boxes collide on a page: a table row drawn over another one shows up here. */
export async function overlappingText(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const collisions: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const items: Placed[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      items.push({
        text: item.str,
        x: item.transform[4],
        y: item.transform[5],
        width: item.width,
        height: item.height,
      });
    }
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i] as Placed;
        const b = items[j] as Placed;
        const dy = Math.abs(a.y - b.y);
        const sameLine = dy < 0.5;
        const xOverlap = a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5;
        if (!sameLine && dy < 0.8 * Math.min(a.height, b.height) && xOverlap)
          collisions.push(`page ${n}: "${a.text}" / "${b.text}"`);
      }
  }
  return collisions;
}
