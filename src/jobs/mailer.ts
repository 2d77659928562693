import nodemailer from 'nodemailer';
import { messageIdFor } from '../core/outbox-policy';
import type { Mailer } from '../services/email/mailer';

export type { Mailer, OutgoingMail } from '../services/email/mailer';

/** A nodemailer transport over SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  // Short timeouts: a stalled server fails this attempt and the outbox retries later.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  return {
    send: async (mail) => {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html !== null && { html: mail.html }),
        messageId: messageIdFor(mail.idempotencyKey),
      });
    },
    close: () => transport.close(),
  };
}
