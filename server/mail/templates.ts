import { formatDutchDay } from '../../shared/amsterdam-day.js';
import { htmlDocument } from './html.js';

/** A rendered message: the same content as HTML and as plain text (for clients without HTML). */
export type RenderedMail = { subject: string; text: string; html: string };

/**
 * Whom the respondent can ask: the investigation's contact person (an inspector), or the configured
 * general contact (MAIL_CONTACT) when the investigation has none. Only a person signs by name.
 */
export type MailContact = { name: string; email?: string | undefined; person: boolean };

type Survey = {
  organisation: string;
  contactName?: string | undefined;
  role: 'gemeente' | 'netwerkpartner';
  municipality: string;
  approach: string;
  deadline?: Date | undefined;
  contact: MailContact;
};

const SENDER = 'Samenwerkend Toezicht Jeugd';
const PLAIN_FOOTER = 'Dit bericht is verstuurd door Samenwerkend Toezicht Jeugd (STJ).';

/**
 * Mails with a respondent link: colleagues in the same organisation may work on the questionnaire
 * together (they share the link), so the footer asks not to share it outside that circle instead of
 * "never forward", which contradicted the invitation.
 */
function linkFooter(survey: Survey): string {
  return `${PLAIN_FOOTER} De link in deze e-mail is bedoeld voor ${survey.organisation}. Deel hem alleen met collega's die aan de vragenlijst meewerken.`;
}

function greeting(survey: Survey): string {
  return survey.contactName ? `Beste ${survey.contactName},` : `Geachte heer/mevrouw,`;
}

function what(survey: Survey): string {
  return survey.role === 'gemeente'
    ? `Samenwerkend Toezicht Jeugd onderzoekt hoe de gemeente ${survey.municipality} en haar netwerkpartners de zorg voor gezinnen met geringe sociale redzaamheid organiseren (aanpak: ${survey.approach}). Wij vragen ${survey.organisation} de vragenlijst voor de gemeente in te vullen en de beleidsdocumenten toe te voegen. Daarin kunt u ook maximaal drie netwerkpartners noemen.`
    : `Samenwerkend Toezicht Jeugd onderzoekt hoe de gemeente ${survey.municipality} en haar netwerkpartners de zorg voor gezinnen met geringe sociale redzaamheid organiseren (aanpak: ${survey.approach}). De gemeente heeft ${survey.organisation} genoemd als netwerkpartner. Wij vragen u een korte vragenlijst in te vullen.`;
}

/** The same wording as the respondent pages: "uiterlijk <datum>" (the day in Europe/Amsterdam). */
function deadlineLine(survey: Survey, now?: Date): string[] {
  if (!survey.deadline) return [];
  const day = formatDutchDay(survey.deadline);
  return now && now > survey.deadline
    ? [
        `Wij hadden uw antwoorden graag uiterlijk ${day} ontvangen. Wilt u de vragenlijst zo snel mogelijk invullen?`,
      ]
    : [`Wij ontvangen uw antwoorden graag uiterlijk ${day}.`];
}

function contactLine(contact: MailContact, question: string): string {
  const who = contact.email ? `${contact.name} (${contact.email})` : contact.name;
  return `${question} Neem dan contact op met ${who}.`;
}

/** "Met vriendelijke groet," then name, organisation and e-mail on their own lines. */
function signature(contact: MailContact): string {
  const lines = contact.person ? [contact.name, SENDER] : [SENDER];
  if (contact.email) lines.push(contact.email);
  return ['Met vriendelijke groet,', ...lines].join('\n');
}

function render(input: {
  subject: string;
  paragraphs: string[];
  contact: MailContact;
  footer: string;
  link?: { href: string; label: string };
  /** What the contact line asks; the receipt's reason to get in touch is a change, not a question. */
  contactQuestion?: string;
}): RenderedMail {
  const { subject, paragraphs, contact, footer, link } = input;
  const closing = [contactLine(contact, input.contactQuestion ?? 'Heeft u vragen?'), signature(contact)];
  const body = [...paragraphs, ...(link ? [`${link.label}: ${link.href}`] : []), ...closing];
  const text = `${body.join('\n\n')}\n\n--\n${footer}`;
  return {
    subject,
    text,
    html: htmlDocument({ paragraphs: [...paragraphs, ...closing], ...(link ? { link } : {}), footer }),
  };
}

export function invitationMail(survey: Survey, link: string): RenderedMail {
  return render({
    subject: `Uitnodiging vragenlijst ${survey.municipality} – Samenwerkend Toezicht Jeugd`,
    paragraphs: [
      greeting(survey),
      what(survey),
      'Via de link hieronder opent u de vragenlijst. Uw antwoorden worden automatisch opgeslagen; u kunt stoppen en later verdergaan, ook op een ander apparaat. Werken collega’s van uw organisatie mee? Zij kunnen dezelfde link gebruiken.',
      ...deadlineLine(survey),
    ],
    contact: survey.contact,
    footer: linkFooter(survey),
    link: { href: link, label: 'Vragenlijst openen' },
  });
}

/**
 * With `link`: the respondent's link had not been opened yet, so it was replaced by this fresh one (only
 * token hashes are stored). Without: the link is in use (perhaps open in a tab, or shared with
 * colleagues) and keeps working; replacing it would break the open tab's autosave.
 */
export function reminderMail(survey: Survey, link: string | undefined, now: Date): RenderedMail {
  return render({
    subject: `Herinnering: vragenlijst ${survey.municipality} – Samenwerkend Toezicht Jeugd`,
    paragraphs: [
      greeting(survey),
      `Wij hebben de vragenlijst van ${survey.organisation} nog niet ontvangen. ${what(survey)}`,
      ...deadlineLine(survey, now),
      link
        ? 'Via de nieuwe link hieronder opent u de vragenlijst. Antwoorden die u al heeft gegeven, zijn bewaard: u gaat verder waar u was gebleven. Links uit eerdere e-mails werken niet meer.'
        : 'U heeft de vragenlijst al geopend. Ga verder via de link uit onze eerdere e-mail: uw antwoorden zijn bewaard. Kunt u die e-mail niet meer vinden? Neem dan contact op; u krijgt een nieuwe link.',
    ],
    contact: survey.contact,
    footer: link ? linkFooter(survey) : PLAIN_FOOTER,
    ...(link ? { link: { href: link, label: 'Vragenlijst openen' } } : {}),
  });
}

export function receiptMail(survey: Survey, submittedAt: Date): RenderedMail {
  return render({
    subject: `Ontvangstbevestiging vragenlijst ${survey.municipality}`,
    paragraphs: [
      greeting(survey),
      `Hartelijk dank. Wij hebben de vragenlijst van ${survey.organisation} op ${formatDutchDay(submittedAt)} ontvangen (aanpak: ${survey.approach}).`,
      'De inspecteurs vergelijken de antwoorden van de gemeente en de netwerkpartners. U kunt de antwoorden zelf niet meer wijzigen; de vragenlijst kan wel voor u worden heropend.',
    ],
    contact: survey.contact,
    contactQuestion: 'Wilt u nog iets wijzigen, of heeft u vragen?',
    footer: PLAIN_FOOTER,
  });
}

export function passwordResetMail(
  name: string,
  link: string,
  contact: string,
  isNewAccount: boolean,
): RenderedMail {
  return render({
    subject: isNewAccount ? 'Uw account voor de STJ GGSR-vragenlijsten' : 'Wachtwoord opnieuw instellen',
    paragraphs: [
      `Beste ${name},`,
      isNewAccount
        ? 'Er is een account voor u aangemaakt. Stel via de link hieronder uw wachtwoord in (minimaal 12 tekens).'
        : 'U (of iemand anders) heeft gevraagd uw wachtwoord opnieuw in te stellen. Gebruik daarvoor de link hieronder (minimaal 12 tekens). Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.',
      'De link werkt één keer en is één uur geldig.',
    ],
    contact: { name: contact, person: false },
    footer: `${PLAIN_FOOTER} De link is persoonlijk: stuur deze e-mail niet door.`,
    link: { href: link, label: isNewAccount ? 'Wachtwoord instellen' : 'Nieuw wachtwoord instellen' },
  });
}
