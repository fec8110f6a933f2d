import nodemailer, { type Transporter } from 'nodemailer';
import type { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { MailKind, MailMessageModel, MailMessageRecord } from '../models/mail-message.model.js';
import type { RenderedMail } from './templates.js';

export type OutgoingMail = RenderedMail & {
  to: string;
  kind: MailKind;
  investigation?: Types.ObjectId | undefined;
  respondent?: Types.ObjectId | undefined;
  /** Credentials in the body (link tokens): kept in the stored copy only when there is no SMTP. */
  secrets?: string[];
};

export type Mailer = {
  /** Records the message and, with SMTP, sends it; resolves with the record (status stored/sent/failed). */
  send(mail: OutgoingMail): Promise<MailMessageRecord>;
  close(): void;
};

/**
 * Without SMTP_URL every message is only stored (the embedded demo works offline and the inspector app
 * lists them). With SMTP the message is recorded as `pending` before sending and then `sent` or `failed`:
 * a failure is never reported as sent.
 */
export function createMailer(deps: {
  outbox: MailMessageModel;
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>;
  logger: Logger;
  now: () => Date;
}): Mailer {
  const { outbox, config, logger, now } = deps;
  const transport: Transporter | undefined = config.SMTP_URL
    ? nodemailer.createTransport(config.SMTP_URL)
    : undefined;

  return {
    async send(mail) {
      const base = {
        to: mail.to,
        subject: mail.subject,
        kind: mail.kind,
        investigation: mail.investigation ?? null,
        respondent: mail.respondent ?? null,
      };
      if (!transport) {
        const stored = await outbox.create({ ...base, text: mail.text, html: mail.html, status: 'stored' });
        return stored.toObject<MailMessageRecord>();
      }
      const record = await outbox.create({
        ...base,
        text: redact(mail.text, mail.secrets),
        html: redact(mail.html, mail.secrets),
        status: 'pending',
      });
      let update: Partial<MailMessageRecord>;
      try {
        await transport.sendMail({
          from: config.MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        });
        update = { status: 'sent', sentAt: now() };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        logger.warn({ err: message, kind: mail.kind, id: record._id.toString() }, 'mail delivery failed');
        update = { status: 'failed', error: message.slice(0, 500) };
      }
      const done = await outbox
        .findOneAndUpdate({ _id: record._id }, { $set: update }, { returnDocument: 'after' })
        .lean<MailMessageRecord>();
      return done ?? { ...record.toObject<MailMessageRecord>(), ...update };
    },
    close() {
      transport?.close();
    },
  };
}

function redact(body: string, secrets: string[] | undefined): string {
  let out = body;
  for (const secret of secrets ?? []) out = out.split(secret).join('[verwijderd]');
  return out;
}
