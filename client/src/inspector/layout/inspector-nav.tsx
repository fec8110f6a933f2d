import { Link, useLocation } from 'react-router';

type NavItem = { to: string; label: string; isCurrent: (path: string) => boolean };

const items: NavItem[] = [
  {
    to: '/inspectie',
    label: 'Onderzoeken',
    // The investigation pages live under /inspectie itself, so "current" is decided per path prefix.
    isCurrent: (path) =>
      path === '/inspectie' || path === '/inspectie/' || path.startsWith('/inspectie/onderzoeken'),
  },
  {
    to: '/inspectie/overzicht',
    label: 'Overzicht',
    isCurrent: (path) => path.startsWith('/inspectie/overzicht'),
  },
  {
    to: '/inspectie/e-mail',
    label: 'Uitgaande e-mail',
    isCurrent: (path) => path.startsWith('/inspectie/e-mail'),
  },
];

const adminItem: NavItem = {
  to: '/inspectie/gebruikers',
  label: 'Gebruikers',
  isCurrent: (path) => path.startsWith('/inspectie/gebruikers'),
};

export function InspectorNav({ isBeheerder }: { isBeheerder: boolean }) {
  const { pathname } = useLocation();
  return (
    <nav className="nav" aria-label="Hoofdmenu">
      <ul className="nav__list">
        {(isBeheerder ? [...items, adminItem] : items).map((item) => {
          const current = item.isCurrent(pathname);
          return (
            <li key={item.to}>
              <Link
                to={item.to}
                className={`nav__link${current ? ' nav__link--active' : ''}`}
                aria-current={current ? 'page' : undefined}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
