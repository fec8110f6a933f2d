import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { onUnauthorized } from '../../shared/api/api-client.js';
import { isApiError } from '../../shared/api/api-error.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { SkeletonRows } from '../../shared/components/skeleton.js';
import { loginPath } from '../login-target.js';
import { useSession } from '../use-session.js';
import { InspectorHeader } from './inspector-header.js';

/** Every signed-in page: header, navigation, main landmark; no session → the login page, keeping the target. */
export function InspectorLayout() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const target = location.pathname + location.search;

  // A session that lapses while working (idle timeout): back to the login page, then back here.
  useEffect(
    () =>
      onUnauthorized(() => {
        queryClient.clear();
        void navigate(loginPath(window.location.pathname + window.location.search), { replace: true });
      }),
    [navigate, queryClient],
  );

  if (session.isError && isApiError(session.error) && session.error.status === 401) {
    return <Navigate to={loginPath(target)} replace />;
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Naar de inhoud
      </a>
      <InspectorHeader user={session.data?.user} />
      <main id="main" className="shell__main" tabIndex={-1}>
        {session.isPending && <SkeletonRows rows={6} />}
        {session.isError && (
          <ErrorMessage
            title="Uw gegevens konden niet worden geladen"
            error={session.error}
            onRetry={() => void session.refetch()}
          />
        )}
        {session.data && <Outlet />}
      </main>
    </div>
  );
}
