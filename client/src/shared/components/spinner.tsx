type SpinnerProps = {
  label?: string;
  /** Off inside an element that is already a live region, so the text is not announced twice. */
  announce?: boolean;
};

export function Spinner({ label = 'Bezig met laden…', announce = true }: SpinnerProps) {
  return (
    <span className="spinner" role={announce ? 'status' : undefined}>
      <span className="spinner__circle" aria-hidden="true" />
      <span className="spinner__label">{label}</span>
    </span>
  );
}
