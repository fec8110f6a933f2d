import { useEffect, useState } from 'react';
import { respondContactSchema, type RespondContact } from '../../../shared/api/respond.js';
import { ContactText } from './submitted-view.js';

export type LinkProblemKind = 'link_invalid' | 'throttled' | 'unavailable';

/**
 * Neutral pages for links that do not open a questionnaire. Unknown, expired and revoked links get the
 * same text (no oracle) and no technical details.
 */
export function LinkProblem({ kind, onRetry }: { kind: LinkProblemKind; onRetry(): void }) {
  const contact = useGeneralContact(kind === 'link_invalid');
  useEffect(() => {
    const titles: Record<LinkProblemKind, string> = {
      link_invalid: 'Deze link werkt niet',
      throttled: 'Te veel pogingen',
      unavailable: 'Vragenlijst niet beschikbaar',
    };
    document.title = `${titles[kind]} — Samenwerkend Toezicht Jeugd`;
  }, [kind]);

  switch (kind) {
    case 'link_invalid':
      return (
        <>
          <h1>Deze link werkt niet</h1>
          <p>
            De link die u heeft gebruikt, geeft geen toegang tot een vragenlijst. Misschien is de link
            verlopen, of is hij vervangen door een nieuwe link.
          </p>
          <p>Heeft u een nieuwere e-mail met een link ontvangen? Gebruik dan die link.</p>
          <p>
            Werkt dat ook niet? Neem dan contact op met de contactpersoon die in de uitnodiging onder de
            e-mail staat, of met <ContactText contact={contact} />. U krijgt dan een nieuwe link. Antwoorden
            die u eerder heeft opgeslagen, blijven bewaard.
          </p>
        </>
      );
    case 'throttled':
      return (
        <>
          <h1>Te veel pogingen</h1>
          <p>Te veel pogingen, probeer het over enkele minuten opnieuw.</p>
        </>
      );
    case 'unavailable':
      return (
        <>
          <h1>De vragenlijst kan nu niet worden geladen</h1>
          <p>
            Dat ligt waarschijnlijk aan de internetverbinding. Antwoorden die u eerder heeft opgeslagen, zijn
            niet verloren gegaan.
          </p>
          <p>
            <button type="button" className="button" onClick={onRetry}>
              Opnieuw proberen
            </button>
          </p>
        </>
      );
    default: {
      const unhandled: never = kind;
      return unhandled;
    }
  }
}

/**
 * A dead link names no investigation, so the page shows the configured general contact
 * (GET /api/respond-contact); until it arrives, or if it cannot, the general wording stands.
 */
function useGeneralContact(wanted: boolean): RespondContact | undefined {
  const [contact, setContact] = useState<RespondContact>();
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    fetch('/api/respond-contact', { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : undefined))
      .then((body: unknown) => {
        const parsed = respondContactSchema.safeParse(body);
        if (parsed.success) setContact(parsed.data);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [wanted]);
  return contact;
}
