import { formatDutchDate, htmlDocument } from './html.js';

/** A rendered message: the same content as HTML and as plain text (for clients without HTML). */
export type RenderedMail = { subject: string; text: string; html: string };

type Survey = {
  organisation: string;
  contactName?: string | undefined;
  role: 'gemeente' | 'netwerkpartner';
  municipality: string;
  approach: string;
  deadline?: Date | undefined;
};

const FOOTER =
  'Dit bericht is verstuurd door Samenwerkend Toezicht Jeugd (STJ). De link is persoonlijk: stuur deze e-mail niet door.';

function greeting(survey: Survey): string {
  return survey.contactName ? `Beste ${survey.contactName},` : `Geachte heer/mevrouw,`;
}

function what(survey: Survey): string {
  return survey.role === 'gemeente'
    ? `Samenwerkend Toezicht Jeugd onderzoekt hoe de gemeente ${survey.municipality} en haar netwerkpartners de zorg voor gezinnen met geringe sociale redzaamheid organiseren (aanpak: ${survey.approach}). Wij vragen ${survey.organisation} de vragenlijst voor de gemeente in te vullen en de beleidsdocumenten toe te voegen. Daarin kunt u ook maximaal drie netwerkpartners noemen.`
    : `Samenwerkend Toezicht Jeugd onderzoekt hoe de gemeente ${survey.municipality} en haar netwerkpartners de zorg voor gezinnen met geringe sociale redzaamheid organiseren (aanpak: ${survey.approach}). De gemeente heeft ${survey.organisation} genoemd als netwerkpartner. Wij vragen u een korte vragenlijst in te vullen.`;
}

function deadlineLine(survey: Survey): string[] {
  return survey.deadline
    ? [`Wij ontvangen uw antwoorden graag uiterlijk ${formatDutchDate(survey.deadline)}.`]
    : [];
}

function render(
  subject: string,
  paragraphs: string[],
  contact: string,
  link?: { href: string; label: string },
): RenderedMail {
  const closing = [
    `Vragen? Neem contact op met ${contact}.`,
    'Met vriendelijke groet,',
    'Samenwerkend Toezicht Jeugd',
  ];
  const all = [...paragraphs, ...closing];
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.href}`] : []), ...closing, '', FOOTER].join(
    '\n\n',
  );
  return {
    subject,
    text,
    html: htmlDocument({ paragraphs: all, ...(link ? { link } : {}), footer: FOOTER }),
  };
}

export function invitationMail(survey: Survey, link: string, contact: string): RenderedMail {
  return render(
    `Uitnodiging vragenlijst ${survey.municipality} – Samenwerkend Toezicht Jeugd`,
    [
      greeting(survey),
      what(survey),
      'Via de persoonlijke link hieronder opent u de vragenlijst. Uw antwoorden worden automatisch opgeslagen; u kunt stoppen en later verdergaan, ook op een ander apparaat. Collega’s kunnen meelezen via dezelfde link.',
      ...deadlineLine(survey),
    ],
    contact,
    { href: link, label: 'Vragenlijst openen' },
  );
}

/** With `link` the reminder carries a fresh link (the respondent never opened the old one). */
export function reminderMail(survey: Survey, contact: string, link?: string): RenderedMail {
  return render(
    `Herinnering: vragenlijst ${survey.municipality} – Samenwerkend Toezicht Jeugd`,
    [
      greeting(survey),
      `Wij hebben de vragenlijst van ${survey.organisation} nog niet ontvangen. ${what(survey)}`,
      ...deadlineLine(survey),
      link
        ? 'Gebruik de nieuwe persoonlijke link hieronder; de link uit eerdere e-mails werkt niet meer.'
        : 'Gebruik de persoonlijke link uit de uitnodiging. Bent u die kwijt? Neem dan contact met ons op voor een nieuwe link.',
    ],
    contact,
    link ? { href: link, label: 'Vragenlijst openen' } : undefined,
  );
}

export function receiptMail(survey: Survey, submittedAt: Date, contact: string): RenderedMail {
  return render(
    `Ontvangstbevestiging vragenlijst ${survey.municipality}`,
    [
      greeting(survey),
      `Hartelijk dank. Wij hebben de vragenlijst van ${survey.organisation} op ${formatDutchDate(submittedAt)} ontvangen (aanpak: ${survey.approach}).`,
      'De inspecteurs vergelijken de antwoorden van de gemeente en de netwerkpartners. Wilt u nog iets wijzigen? Neem dan contact met ons op; wij kunnen de vragenlijst voor u heropenen.',
    ],
    contact,
  );
}

export function passwordResetMail(
  name: string,
  link: string,
  contact: string,
  isNewAccount: boolean,
): RenderedMail {
  return render(
    isNewAccount ? 'Uw account voor de STJ GGSR-vragenlijsten' : 'Wachtwoord opnieuw instellen',
    [
      `Beste ${name},`,
      isNewAccount
        ? 'Er is een account voor u aangemaakt. Stel via de link hieronder uw wachtwoord in (minimaal 12 tekens).'
        : 'U (of iemand anders) heeft gevraagd uw wachtwoord opnieuw in te stellen. Gebruik daarvoor de link hieronder (minimaal 12 tekens). Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.',
      'De link werkt één keer en is één uur geldig.',
    ],
    contact,
    { href: link, label: isNewAccount ? 'Wachtwoord instellen' : 'Nieuw wachtwoord instellen' },
  );
}
