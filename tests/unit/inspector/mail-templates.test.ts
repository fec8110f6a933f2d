import { describe, expect, it } from 'vitest';
import {
  invitationMail,
  receiptMail,
  reminderMail,
  type MailContact,
} from '../../../server/mail/templates.js';

const person: MailContact = { name: 'J. de Vries', email: 'j.devries@stj.example', person: true };
const general: MailContact = { name: 'de inspecteurs van Samenwerkend Toezicht Jeugd', person: false };

function survey(contact: MailContact) {
  return {
    organisation: 'Gemeente Deventer',
    role: 'gemeente' as const,
    municipality: 'Deventer',
    approach: 'Integrale aanpak',
    // The end of 31 januari 2027 in Amsterdam: already 1 februari in UTC+2 and later.
    deadline: new Date('2027-01-31T22:59:59.999Z'),
    contact,
  };
}

const LINK = 'https://stj.example/v/abc';

describe('respondent mails', () => {
  it.each([
    ['invitation', invitationMail(survey(person), LINK)],
    ['reminder', reminderMail(survey(person), LINK, new Date('2027-01-10T00:00:00Z'))],
    ['receipt', receiptMail(survey(person), new Date('2027-01-20T10:00:00Z'))],
  ])('%s: names and signs with the contact person', (_kind, mail) => {
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('J. de Vries');
      expect(body).toContain('j.devries@stj.example');
    }
    expect(mail.text).toMatch(
      /Met vriendelijke groet,\nJ\. de Vries\nSamenwerkend Toezicht Jeugd\nj\.devries@stj\.example/,
    );
    expect(mail.html).toContain('Met vriendelijke groet,<br>J. de Vries<br>');
  });

  it('mails with a link let colleagues share it and never say "niet doorsturen"', () => {
    for (const mail of [
      invitationMail(survey(person), LINK),
      reminderMail(survey(person), LINK, new Date('2027-01-10T00:00:00Z')),
    ]) {
      expect(mail.text).toContain(LINK);
      expect(mail.text).not.toMatch(/niet door/);
      expect(mail.text).toContain("Deel hem alleen met collega's");
    }
  });

  it('the receipt has no link and says nothing about one', () => {
    const mail = receiptMail(survey(person), new Date('2027-01-20T10:00:00Z'));
    expect(mail.text).not.toMatch(/link|https?:/i);
    expect(mail.html).not.toMatch(/\blink\b|href=/i);
  });

  it('words the deadline as "uiterlijk <day in Amsterdam>", also after the deadline', () => {
    expect(invitationMail(survey(person), LINK).text).toContain('uiterlijk 31 januari 2027.');
    const late = reminderMail(survey(person), LINK, new Date('2027-02-03T09:00:00Z')).text;
    expect(late).toContain('graag uiterlijk 31 januari 2027 ontvangen');
    expect(late).toContain('Links uit eerdere e-mails werken niet meer');
  });

  it('the general contact signs without a person’s name', () => {
    const mail = invitationMail(survey(general), LINK);
    expect(mail.text).toContain('Neem dan contact op met de inspecteurs van Samenwerkend Toezicht Jeugd.');
    expect(mail.text).toMatch(/Met vriendelijke groet,\nSamenwerkend Toezicht Jeugd\n\n/);
  });
});
