import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';

/** An outgoing e-mail. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** A message received by the local capture server (development and tests). */
export interface CapturedMail {
  id: number;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Sends mail over SMTP; in development the SMTP server is a local capture that stores into the database. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** True when mail goes to the local capture instead of a real server. */
  isCapturing: boolean;
  /** Messages captured locally, newest first. */
  captured(limit?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

/** Starts a local SMTP server that stores every message it receives in kernel_captured_mail. */
async function startCaptureServer(db: Db, port: number, logger: Logger): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const rawMessage = Buffer.concat(chunks).toString('utf8');
        simpleParser(rawMessage)
          .then((parsed) =>
            sql`insert into kernel_captured_mail (mail_from, rcpt_to, subject, text_body, html_body, raw)
                values (${session.envelope.mailFrom ? session.envelope.mailFrom.address : ''},
                        ${session.envelope.rcptTo.map((r) => r.address)},
                        ${parsed.subject ?? ''}, ${parsed.text ?? ''}, ${typeof parsed.html === 'string' ? parsed.html : null}, ${rawMessage})`.execute(db),
          )
          .then(() => callback())
          .catch((error: Error) => {
            logger.error({ err: error }, 'mail capture failed');
            callback(error);
          });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { port: actualPort, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Creates the mailer: a real SMTP server when smtpUrl is set, else the local capture. */
export async function createMailer(options: { db: Db; smtpUrl: string | null; capturePort: number; from: string; logger: Logger }): Promise<Mailer> {
  const { db, logger } = options;
  let capture: { port: number; close(): Promise<void> } | null = null;
  let transport: Transporter;
  if (options.smtpUrl) {
    transport = nodemailer.createTransport(options.smtpUrl);
  } else {
    capture = await startCaptureServer(db, options.capturePort, logger);
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: capture.port, secure: false, ignoreTLS: true });
  }
  return {
    isCapturing: capture !== null,
    async send(mail) {
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      // Never log the body: it may hold a reset link.
      logger.info({ subject: mail.subject }, 'mail sent');
    },
    async captured(limit = 50) {
      const { rows } = await sql<{ id: string; received_at: Date; mail_from: string; rcpt_to: string[]; subject: string; text_body: string }>`
        select id, received_at, mail_from, rcpt_to, subject, text_body from kernel_captured_mail order by id desc limit ${limit}`.execute(db);
      return rows.map((r) => ({ id: Number(r.id), receivedAt: r.received_at, from: r.mail_from, to: r.rcpt_to, subject: r.subject, text: r.text_body }));
    },
    async close() {
      transport.close();
      await capture?.close();
    },
  };
}
