// A real SMTP server on loopback (smtp-server) that keeps what it receives, for the tests of mail
// that Inkwell sends through nodemailer: the same wire protocol as a production server.
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

export interface MailServer {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the first mail (already received or to come) that matches. */
  waitFor: (match: (m: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  /** Refuse every recipient with this SMTP code from now on (null: accept again). */
  refuseWith: (code: number | null) => void;
  close: () => Promise<void>;
}

function decodeBody(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

function parse(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const subjectRaw = /^subject:\s*(.*)$/im.exec(headers)?.[1] ?? "";
  // Encoded words (RFC 2047), as nodemailer writes non-ASCII subjects.
  const subject = subjectRaw.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, s: string) =>
    enc.toLowerCase() === "b" ? Buffer.from(s, "base64").toString("utf8") : decodeBody("content-transfer-encoding: quoted-printable", s.replace(/_/g, " ")),
  );
  return { to, subject, text: decodeBody(headers, raw.slice(split + 4)).replace(/\r\n/g, "\n") };
}

export async function startMailServer(port: number): Promise<MailServer> {
  const mails: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  let refuse: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (refuse) {
        const err = Object.assign(new Error(`Mailbox unavailable: ${address.address}`), { responseCode: refuse });
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push(parse(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((r) => r.address)));
        for (const w of waiters.splice(0)) w();
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  // Port 0: a free port the system picks (the unit suites run on both engines at once).
  port = ((server as unknown as { server: import("node:net").Server }).server.address() as import("node:net").AddressInfo).port;
  const waitFor = async (match: (m: ReceivedMail) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = mails.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching mail in ${timeoutMs} ms (received: ${mails.map((m) => m.subject).join(" | ") || "none"})`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 200);
      });
    }
  };
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor,
    refuseWith: (code) => {
      refuse = code;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
