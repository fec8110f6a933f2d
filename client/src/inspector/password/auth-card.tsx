import type { ReactNode } from 'react';

/** The narrow card on a grey page used by login and password pages: no navigation, only the task. */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <div className="login">
      <a className="skip-link" href="#main">
        Naar de inhoud
      </a>
      <header className="login__brand">
        <span className="topbar__mark" aria-hidden="true" />
        <span>
          <span className="topbar__org">Samenwerkend Toezicht Jeugd</span>
          <span className="topbar__app">Inspectie GGSR</span>
        </span>
      </header>
      <main id="main" className="login__card" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
