export type NoticeMessage = { tone: 'success' | 'info'; text: string };

type NoticeProps = { message: NoticeMessage | undefined; onDismiss: () => void };

/** The outcome of the last action ("Herinnering verstuurd"), read out politely, closable. */
export function Notice({ message, onDismiss }: NoticeProps) {
  return (
    <div role="status" className="notice-region">
      {message && (
        <div className={`alert alert--${message.tone}`}>
          <span className="alert__icon" aria-hidden="true">
            {message.tone === 'success' ? '✓' : 'i'}
          </span>
          <p className="alert__text notice__text">{message.text}</p>
          <button type="button" className="notice__close" onClick={onDismiss} aria-label="Melding sluiten">
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
