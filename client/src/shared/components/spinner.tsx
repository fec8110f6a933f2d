type SpinnerProps = { label?: string };

export function Spinner({ label = 'Bezig met laden…' }: SpinnerProps) {
  return (
    <span className="spinner" role="status">
      <span className="spinner__circle" aria-hidden="true" />
      <span className="spinner__label">{label}</span>
    </span>
  );
}
