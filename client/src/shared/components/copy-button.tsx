import { useEffect, useRef, useState } from 'react';
import { nl } from '../i18n/nl.js';
import { Button } from './button.js';

type CopyButtonProps = { text: string; label?: string };

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies to the clipboard and says so ("Gekopieerd") in a polite live region for screen readers too. */
export function CopyButton({ text, label = nl.copy }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 4000);
  }

  return (
    <span className="copy">
      <Button variant="primary" onClick={() => void copy()}>
        {label}
      </Button>
      <span className={`copy__status copy__status--${state}`} role="status">
        {state === 'copied' && (
          <>
            <span aria-hidden="true">✓ </span>
            {nl.copied}
          </>
        )}
        {state === 'failed' && nl.copyFailed}
      </span>
    </span>
  );
}
