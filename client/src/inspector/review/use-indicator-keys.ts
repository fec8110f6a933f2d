import { useEffect } from 'react';

const editable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Alt+↓/Alt+↑ anywhere, and j/k outside text fields, move to the next/previous indicator: judging 60
 * indicators should not need the mouse.
 */
export function useIndicatorKeys(onMove: (step: 1 | -1) => void) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      let step: 1 | -1 | undefined;
      if (event.altKey && event.key === 'ArrowDown') step = 1;
      else if (event.altKey && event.key === 'ArrowUp') step = -1;
      else if (!event.altKey && !editable(event.target) && event.key === 'j') step = 1;
      else if (!event.altKey && !editable(event.target) && event.key === 'k') step = -1;
      if (!step) return;
      event.preventDefault();
      onMove(step);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onMove]);
}
