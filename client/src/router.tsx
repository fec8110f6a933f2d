import { createBrowserRouter } from 'react-router';
import { HomePage } from './home/home-page.js';
import { NotFoundPage } from './shared/not-found-page.js';

export const router = createBrowserRouter([
  { path: '/', element: <HomePage /> },
  { path: '*', element: <NotFoundPage /> },
]);
