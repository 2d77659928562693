/*
 * What the outbox needs from an SMTP server, declared here so services depend on the port and
 * jobs/mailer.ts (nodemailer) implements it: the arrow points down, services → nothing above.
 */

export interface OutgoingMail {
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** Hands one message to an SMTP server; resolves once the server accepted it, rejects with its reason. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}
