import { memo, useState } from 'react';
import { Survey } from 'survey-react-ui';
import { createSurveyModel, type SurveyJson } from '../survey/index.js';

/**
 * The whole questionnaire on one page, read-only: people read (or print) it before they get a link.
 * Display mode alone would still page through the themes; singlePage shows them all at once.
 */
function PreviewSurvey({ json }: { json: SurveyJson }) {
  // Created once per page view: a new model on re-render would reset the survey (DESIGN.md pitfalls).
  const [model] = useState(() => {
    const survey = createSurveyModel(json);
    survey.mode = 'display';
    survey.questionsOnPageMode = 'singlePage';
    survey.showProgressBar = false;
    survey.showTitle = false;
    survey.showCompletedPage = false;
    return survey;
  });
  return <Survey model={model} />;
}

export default memo(PreviewSurvey);
