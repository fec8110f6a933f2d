import { createBrowserRouter } from 'react-router';
import { HomePage } from './home/home-page.js';
import { RespondentLoading } from './respondent/respondent-loading.js';
import { NotFoundPage } from './shared/not-found-page.js';

export const router = createBrowserRouter([
  { path: '/', element: <HomePage /> },
  // Lazy: the respondent route and its SurveyJS chunks load only when a personal link is opened.
  {
    path: '/v/:token',
    HydrateFallback: RespondentLoading,
    lazy: () => import('./respondent/respondent-page.js').then((m) => ({ Component: m.RespondentPage })),
  },
  // Read-only preview of a questionnaire, by questionnaire id; SurveyJS loads in its own chunk inside.
  {
    path: '/voorbeeld/:questionnaireId',
    lazy: () =>
      import('./preview/questionnaire-preview-page.js').then((m) => ({
        Component: m.QuestionnairePreviewPage,
      })),
  },
  { path: '*', element: <NotFoundPage /> },
]);
