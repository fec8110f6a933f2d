import { Model, settings } from 'survey-core';
import { accessibleTheme } from './accessible-theme.js';
import { applyDutchStringFixes } from './dutch-strings.js';
import './survey-styles.css';

applyDutchStringFixes();
// Real headings for pages and panels (survey-core 3 renders all titles as <div>), so screen-reader users
// can jump between themes and criteria; questions stay labelled by their title element.
settings.titleTags.page = 'h2';
settings.titleTags.panel = 'h3';

export type SurveyJson = Record<string, unknown>;

/** A SurveyJS model in Dutch with the accessible theme; create it once per page view. */
export function createSurveyModel(json: SurveyJson): Model {
  const model = new Model(json);
  model.locale = 'nl';
  model.applyTheme(accessibleTheme);
  return model;
}
