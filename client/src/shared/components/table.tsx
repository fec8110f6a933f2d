import type { ReactNode } from 'react';

type TableProps = {
  /** Read by screen readers as the table's name; shown visually only when `showCaption`. */
  caption: string;
  showCaption?: boolean;
  head: ReactNode;
  children: ReactNode;
  /**
   * On narrow screens each row becomes a card with the column name before each value (cells need a
   * `data-label`). Without it the table scrolls sideways.
   */
  stack?: boolean;
};

/** A data table that scrolls sideways on narrow screens instead of squashing its columns. */
export function Table({ caption, showCaption = false, head, children, stack = false }: TableProps) {
  return (
    // The scroll container is focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className={`table${stack ? ' table--stack' : ''}`}>
        <caption className={showCaption ? 'table__caption' : 'visually-hidden'}>{caption}</caption>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
