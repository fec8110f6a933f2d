import { describe, expect, it } from 'vitest';
import type { SaveStatus } from '../../../client/src/respondent/autosave-queue.js';
import { saveStatusText } from '../../../client/src/respondent/save-status-text.js';

describe('saveStatusText', () => {
  it('says "Opgeslagen" only for a confirmed save, with the clock time', () => {
    expect(saveStatusText({ kind: 'saved', savedAt: '2026-03-03T13:32:00.000Z' })).toMatch(
      /^Opgeslagen om \d\d:\d\d$/,
    );
    const unsaved: SaveStatus[] = [
      { kind: 'idle' },
      { kind: 'pending' },
      { kind: 'retrying', attempt: 1, retryInMs: 1000 },
      { kind: 'rejected' },
      { kind: 'conflict', questions: ['a'], mine: { a: 1 }, theirs: { a: 2 } },
    ];
    for (const status of unsaved) {
      expect(saveStatusText(status)).not.toMatch(/^Opgeslagen/);
    }
    expect(saveStatusText({ kind: 'pending' })).toBe('Wordt opgeslagen…');
    expect(saveStatusText({ kind: 'retrying', attempt: 2, retryInMs: 2000 })).toBe(
      'Niet opgeslagen — we proberen het opnieuw',
    );
  });

  it('says where the conflict choice is: above the form, far from the bottom bar', () => {
    expect(saveStatusText({ kind: 'conflict', questions: ['a'], mine: {}, theirs: {} })).toMatch(
      /bovenaan deze pagina/,
    );
  });
});
