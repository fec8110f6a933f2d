import type { ReactNode } from 'react';

type TableProps = {
  /** Read by screen readers as the table's name; shown visually only when `showCaption`. */
  caption: string;
  showCaption?: boolean;
  head: ReactNode;
  children: ReactNode;
};

/** A data table that scrolls sideways on narrow screens instead of squashing its columns. */
export function Table({ caption, showCaption = false, head, children }: TableProps) {
  return (
    // The scroll container is focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table">
        <caption className={showCaption ? 'table__caption' : 'visually-hidden'}>{caption}</caption>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
