import { createBrowserRouter } from 'react-router';
import { HomePage } from './home/home-page.js';
import { RespondentLoading } from './respondent/respondent-loading.js';
import { NotFoundPage } from './shared/not-found-page.js';
import { PageLoading } from './shared/page-loading.js';

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
  // The inspector workspace: every page is its own chunk, none of it is in the respondent bundle.
  {
    path: '/inspectie',
    HydrateFallback: PageLoading,
    lazy: () => import('./inspector/inspector-root.js').then((m) => ({ Component: m.InspectorRoot })),
    children: [
      {
        path: 'inloggen',
        lazy: () => import('./inspector/login/login-page.js').then((m) => ({ Component: m.LoginPage })),
      },
      {
        path: 'wachtwoord-vergeten',
        lazy: () =>
          import('./inspector/password/forgot-password-page.js').then((m) => ({
            Component: m.ForgotPasswordPage,
          })),
      },
      {
        lazy: () =>
          import('./inspector/layout/inspector-layout.js').then((m) => ({ Component: m.InspectorLayout })),
        children: [
          {
            index: true,
            lazy: () =>
              import('./inspector/investigations/investigations-page.js').then((m) => ({
                Component: m.InvestigationsPage,
              })),
          },
          {
            path: 'onderzoeken/nieuw',
            lazy: () =>
              import('./inspector/investigations/create-investigation-page.js').then((m) => ({
                Component: m.CreateInvestigationPage,
              })),
          },
          {
            path: 'onderzoeken/:id',
            lazy: () =>
              import('./inspector/detail/investigation-page.js').then((m) => ({
                Component: m.InvestigationPage,
              })),
          },
          {
            path: 'onderzoeken/:id/beoordeling',
            lazy: () =>
              import('./inspector/review/review-page.js').then((m) => ({ Component: m.ReviewPage })),
          },
          {
            path: 'onderzoeken/:id/factsheet',
            lazy: () =>
              import('./inspector/factsheets/factsheet-page.js').then((m) => ({
                Component: m.FactsheetPage,
              })),
          },
          {
            path: 'overzicht',
            lazy: () =>
              import('./inspector/overview/overview-page.js').then((m) => ({ Component: m.OverviewPage })),
          },
          {
            path: 'e-mail',
            lazy: () =>
              import('./inspector/outbox/outbox-page.js').then((m) => ({ Component: m.OutboxPage })),
          },
          {
            path: 'account',
            lazy: () =>
              import('./inspector/account/account-page.js').then((m) => ({ Component: m.AccountPage })),
          },
          {
            path: 'gebruikers',
            lazy: () => import('./inspector/users/users-page.js').then((m) => ({ Component: m.UsersPage })),
          },
          {
            path: '*',
            lazy: () =>
              import('./inspector/layout/inspector-not-found.js').then((m) => ({
                Component: m.InspectorNotFound,
              })),
          },
        ],
      },
    ],
  },
  // The link in password-reset and new-account mails (server: `<PUBLIC_URL>/wachtwoord-herstellen#token=…`).
  {
    path: '/wachtwoord-herstellen',
    HydrateFallback: PageLoading,
    lazy: () => import('./inspector/inspector-root.js').then((m) => ({ Component: m.InspectorRoot })),
    children: [
      {
        index: true,
        lazy: () =>
          import('./inspector/password/reset-password-page.js').then((m) => ({
            Component: m.ResetPasswordPage,
          })),
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
