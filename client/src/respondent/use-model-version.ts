import { useEffect, useState } from 'react';
import type { Model } from 'survey-core';

/**
 * A number that changes whenever answers, the page or the visible pages change, so components outside
 * the memoised `<Survey>` (the progress steps) can recompute from the model.
 */
export function useModelVersion(model: Model): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const events = [
      model.onValueChanged,
      model.onCurrentPageChanged,
      model.onPageVisibleChanged,
      model.onDynamicPanelAdded,
      model.onDynamicPanelRemoved,
      model.onDynamicPanelValueChanged,
    ];
    for (const event of events) event.add(bump);
    return () => {
      for (const event of events) event.remove(bump);
    };
  }, [model]);
  return version;
}
