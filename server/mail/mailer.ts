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
  /**
   * Records the message and resolves; SMTP delivery (and the status update) continues in the background.
   * For mails the request does not depend on (the submit receipt): a slow SMTP server never delays it.
   */
  queue(mail: OutgoingMail): Promise<MailMessageRecord>;
  /** Waits for queued deliveries, then closes the transport (graceful shutdown). */
  close(): Promise<void>;
};

// Bounded waits: nodemailer's defaults (2 min to connect, 10 min idle socket) would hold requests hostage.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

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
    ? nodemailer.createTransport({ url: config.SMTP_URL, ...SMTP_TIMEOUTS })
    : undefined;
  const inFlight = new Set<Promise<unknown>>();

  async function record(mail: OutgoingMail): Promise<MailMessageRecord> {
    const base = {
      to: mail.to,
      subject: mail.subject,
      kind: mail.kind,
      investigation: mail.investigation ?? null,
      respondent: mail.respondent ?? null,
    };
    const created = transport
      ? await outbox.create({
          ...base,
          text: redact(mail.text, mail.secrets),
          html: redact(mail.html, mail.secrets),
          status: 'pending',
        })
      : await outbox.create({ ...base, text: mail.text, html: mail.html, status: 'stored' });
    return created.toObject<MailMessageRecord>();
  }

  async function deliver(mail: OutgoingMail, recorded: MailMessageRecord): Promise<MailMessageRecord> {
    if (!transport) return recorded;
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
      logger.warn({ err: message, kind: mail.kind, id: recorded._id.toString() }, 'mail delivery failed');
      update = { status: 'failed', error: message.slice(0, 500) };
    }
    const done = await outbox
      .findOneAndUpdate({ _id: recorded._id }, { $set: update }, { returnDocument: 'after' })
      .lean<MailMessageRecord>();
    return done ?? { ...recorded, ...update };
  }

  return {
    async send(mail) {
      return deliver(mail, await record(mail));
    },
    async queue(mail) {
      const recorded = await record(mail);
      const delivery = deliver(mail, recorded).catch((err: unknown) =>
        logger.error({ err, id: recorded._id.toString() }, 'queued mail delivery failed'),
      );
      inFlight.add(delivery);
      void delivery.finally(() => inFlight.delete(delivery));
      return recorded;
    },
    async close() {
      await Promise.all(inFlight);
      transport?.close();
    },
  };
}

function redact(body: string, secrets: string[] | undefined): string {
  let out = body;
  for (const secret of secrets ?? []) out = out.split(secret).join('[verwijderd]');
  return out;
}
