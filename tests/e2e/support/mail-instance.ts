// A private Inkwell whose mail goes to a real SMTP server on loopback, started once for a spec and
// stopped after it: for the specs that follow links out of received mails.
import { test } from "@playwright/test";
import { startInstance, type Instance } from "./instance";
import { startMailServer, type MailServer } from "./mail-server";

/** Registers the spec's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function mailedInstance(port: number): { inst: Instance; smtp: MailServer } {
  const site = {} as { inst: Instance; smtp: MailServer };
  test.beforeAll(async () => {
    site.smtp = await startMailServer(port + 1);
    site.inst = await startInstance(port, { SMTP_URL: site.smtp.url, MAIL_FROM: "blog@example.com", INKWELL_JOB_POLL_MS: "300" });
  });
  test.afterAll(async () => {
    if (site.inst) await site.inst.stop("SIGKILL");
    if (site.smtp) await site.smtp.close();
  });
  return site;
}
