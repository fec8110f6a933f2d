// Import only from lazily loaded modules: this pulls survey-core into the importing chunk.
export { createSurveyModel, type SurveyJson } from './create-survey-model.js';
export { accessibleTheme } from './accessible-theme.js';
export { dutchStringFixes } from './dutch-strings.js';
export { themeColours } from './theme-colours.js';
