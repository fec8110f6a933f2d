import type { ReactNode, Ref } from 'react';

const ICONS = { error: '✕', warning: '!', success: '✓', info: 'i' } as const;

type AlertProps = {
  tone: keyof typeof ICONS;
  /** 'alert' interrupts a screen reader (errors); 'status' waits for a pause; none for static notes. */
  role?: 'alert' | 'status';
  className?: string;
  tabIndex?: number;
  ref?: Ref<HTMLDivElement>;
  children: ReactNode;
};

/** A coloured notice with its icon: tone is never told by colour alone (the icon and the text tell it). */
export function Alert({ tone, className, children, ...rest }: AlertProps) {
  return (
    <div className={`alert alert--${tone}${className ? ` ${className}` : ''}`} {...rest}>
      <span className="alert__icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <div className="alert__body">{children}</div>
    </div>
  );
}
