import { memo } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';

/**
 * Memoised on the model: re-rendering `<Survey>` from a parent (the save status changes on every
 * keystroke) wipes text that was typed but not yet committed — measured data loss on this stack.
 */
export const SurveyView = memo(function SurveyView({ model }: { model: Model }) {
  return <Survey model={model} />;
});
