import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  subject: string;
}

/** A local SMTP server that keeps what it receives (no TLS, no auth: loopback only). */
export async function startSmtpServer(): Promise<{
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        // Unfold header lines and decode quoted-printable soft breaks enough to read links.
        const text = raw
          .replace(/\r?\n[ \t]+/g, ' ')
          .replace(/=\r?\n/g, '')
          .replace(/=3D/g, '=');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: text,
          subject: /^Subject: (.*)$/m.exec(text)?.[1] ?? '',
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The `token` query parameter of the first link to `path` in a mail. */
export function tokenFrom(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${path}\\?token=([^\\s>"]+)`).exec(mail.raw);
  if (!match) throw new Error(`no ${path} link in:\n${mail.raw}`);
  return decodeURIComponent(match[1]);
}
