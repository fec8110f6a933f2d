import { useEffect, useRef, useState } from 'react';
import type { Model } from 'survey-core';
import { AutosaveQueue, type StopReason } from './autosave-queue.js';
import { saveResponse } from './respond-api.js';

/**
 * Saves on every answer and page change, and flushes when the page is hidden or closed (the last
 * keystrokes before closing a laptop lid must not be lost).
 */
export function useAutosave(
  model: Model,
  token: string,
  revision: number,
  onStopped: (reason: StopReason) => void,
): AutosaveQueue {
  const onStoppedRef = useRef(onStopped);
  useEffect(() => {
    onStoppedRef.current = onStopped;
  });
  const applyingServerAnswers = useRef(false);

  const [queue] = useState(
    () =>
      new AutosaveQueue({
        revision,
        snapshot: { data: model.data as Record<string, unknown>, currentPageNo: model.currentPageNo },
        send: (snapshot, rev) => saveResponse(token, snapshot, rev),
        applyServerAnswers: (data, changed) => {
          // Setting values fires onValueChanged; the queue already holds the merged state.
          applyingServerAnswers.current = true;
          try {
            for (const name of changed) {
              if (data[name] === undefined) model.clearValue(name);
              else model.setValue(name, data[name]);
            }
          } finally {
            applyingServerAnswers.current = false;
          }
        },
        onStopped: (reason) => onStoppedRef.current(reason),
      }),
  );

  useEffect(() => {
    const onChange = () => {
      if (applyingServerAnswers.current) return;
      queue.change({ data: model.data as Record<string, unknown>, currentPageNo: model.currentPageNo });
    };
    const onPageHide = () => queue.flushFinal();
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') queue.flush();
    };
    const onOnline = () => queue.retryNow();
    model.onValueChanged.add(onChange);
    model.onCurrentPageChanged.add(onChange);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibilityChange);
    window.addEventListener('online', onOnline);
    return () => {
      model.onValueChanged.remove(onChange);
      model.onCurrentPageChanged.remove(onChange);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('online', onOnline);
    };
  }, [model, queue]);

  return queue;
}
