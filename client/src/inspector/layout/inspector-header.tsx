import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { User } from '../../../../shared/api/users.js';
import { logOut } from '../api/session-api.js';
import { roleLabel } from '../roles.js';
import { InspectorNav } from './inspector-nav.js';

type InspectorHeaderProps = { user: User | undefined };

export function InspectorHeader({ user }: InspectorHeaderProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: logOut,
    // Even when the request fails the local state is dropped: the user asked to leave. The cache is
    // cleared only after leaving the signed-in layout, or its session query would refetch, get 401 and
    // redirect on its own (losing the "U bent uitgelogd" state).
    onSettled: async () => {
      await navigate('/inspectie/inloggen', { replace: true, state: { loggedOut: true } });
      queryClient.clear();
    },
  });

  return (
    <header className="topbar">
      <div className="topbar__inner">
        <Link className="topbar__brand" to="/inspectie">
          <span className="topbar__mark" aria-hidden="true" />
          <span>
            <span className="topbar__org">Samenwerkend Toezicht Jeugd</span>
            <span className="topbar__app">Inspectie GGSR</span>
          </span>
        </Link>
        {user && (
          <div className="topbar__user">
            <Link className="topbar__name" to="/inspectie/account">
              {user.name ?? user.email}
              {/* The first account is literally named "Beheerder": do not say it twice. */}
              {user.name !== roleLabel(user.role) && (
                <span className="topbar__role">{roleLabel(user.role)}</span>
              )}
              <span className="visually-hidden"> — mijn account</span>
            </Link>
            <button
              type="button"
              className="topbar__logout"
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
            >
              Uitloggen
            </button>
          </div>
        )}
      </div>
      {user && <InspectorNav isBeheerder={user.role === 'beheerder'} />}
    </header>
  );
}
