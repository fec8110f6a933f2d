import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

type PageHeadingProps = {
  /** The document title (before " — Inspectie GGSR"). */
  title: string;
  children?: ReactNode;
};

/**
 * The page's <h1>: sets the document title and, after a client-side navigation, takes focus so keyboard
 * and screen-reader users start at the new content (the router does not move focus). On the first page
 * load (location key "default") focus stays where the browser put it. Filters change only the query
 * string, so they do not pull focus away from the filter fields.
 */
export function PageHeading({ title, children }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname, key } = useLocation();
  useEffect(() => {
    if (key !== 'default') ref.current?.focus();
    // Only a new path is a new page; `key` changes with every search-param update too.
  }, [pathname]);
  useEffect(() => {
    document.title = `${title} — Inspectie GGSR`;
  }, [title]);
  return (
    <h1 className="page-title" tabIndex={-1} ref={ref}>
      {children ?? title}
    </h1>
  );
}
