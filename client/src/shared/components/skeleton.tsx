type SkeletonRowsProps = { rows?: number; label?: string };

/**
 * Grey placeholder lines of the same height as the content that replaces them, so the page does not
 * jump when data arrives. The label is for screen readers; the bars are decoration.
 */
export function SkeletonRows({ rows = 4, label = 'Bezig met laden…' }: SkeletonRowsProps) {
  return (
    <div className="skeleton" role="status">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__row" aria-hidden="true" />
      ))}
    </div>
  );
}
