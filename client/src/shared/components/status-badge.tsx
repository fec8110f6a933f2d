import type { BadgeTone } from './badge-tone.js';

export type { BadgeTone };

/** Each tone has its own shape, so the status reads without colour (WCAG 1.4.1). */
const icons: Record<BadgeTone, string> = {
  neutral: '○',
  info: '✉',
  progress: '◐',
  success: '✓',
  warning: '!',
  danger: '✕',
};

type StatusBadgeProps = { tone: BadgeTone; label: string; title?: string };

export function StatusBadge({ tone, label, title }: StatusBadgeProps) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      <span className="badge__icon" aria-hidden="true">
        {icons[tone]}
      </span>
      {label}
    </span>
  );
}
