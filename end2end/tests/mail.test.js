// Double opt-in in real Chromium: the owner switches it on (a bad number refused at its
// field), a visitor signs up in the demo shop's widget and is told to look in their mail,
// the mail waits in the admin's outbox (no mail server in this test: the cargo tests send
// through a real one), the link's button confirms, and the customer's record says how.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { gotoAdmin, launchBrowser, signedInPage, startPatron, stopPatronAndBrowser, strictPage } from "./harness.js";

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };
let patron, browser;
before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
});
after(() => stopPatronAndBrowser(patron, browser));

/** Polls a query until `check` accepts its rows (a save's answer comes before the page shows it). */
async function waitForRows(query, check) {
  for (let i = 0; i < 50; i++) {
    const rows = patron.sql(query);
    if (check(rows)) return rows;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`no rows as expected for ${query}: ${JSON.stringify(patron.sql(query))}`);
}

test("a newsletter signup is stored only once the link mailed to its address is confirmed", async () => {
  const admin = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await gotoAdmin(admin, `${patron.url}/admin/sites/demo?section=mail`);
  const optIn = admin.locator("#double-opt-in");
  await optIn.getByRole("checkbox").check();
  await optIn.getByLabel(/Confirmation links work for/).fill("0");
  await optIn.getByRole("button", { name: "Save double opt-in" }).click();
  await optIn.locator('[data-field="ConfirmHours"]').filter({ hasText: "Please choose one of the given values." }).waitFor();
  await optIn.getByLabel(/Confirmation links work for/).fill("24");
  await optIn.getByRole("button", { name: "Save double opt-in" }).click();
  await waitForRows("SELECT double_opt_in, confirm_hours FROM newsletter_settings WHERE site_id = 1", (rows) =>
    rows.length === 1 && rows[0].double_opt_in === 1 && rows[0].confirm_hours === 24);

  const shop = await strictPage(browser);
  await shop.goto(`${patron.url}/demo`);
  const widget = shop.locator('[data-patron="signup"]');
  await widget.getByLabel("First name").fill("Mia");
  await widget.getByLabel("Email", { exact: true }).fill("mia@example.com");
  await widget.getByRole("checkbox").check();
  await widget.getByRole("button", { name: "Sign up" }).click();
  await widget.getByRole("status").filter({ hasText: "Open the link in it to confirm" }).waitFor();
  assert.deepEqual(patron.sql("SELECT count(*) AS n FROM customers"), [{ n: 0 }]);
  assert.deepEqual(shop.problems, []);

  await gotoAdmin(admin, `${patron.url}/admin/outbox`);
  const mail = admin.locator('tr[data-kind="confirm_newsletter"]');
  assert.match(await mail.textContent(), /mia@example\.com/);
  await mail.getByText("Please confirm your subscription to Demo Bakery").click();
  const text = await mail.locator("pre").textContent();
  assert.match(text, /works for 24 hours/);
  const link = text.match(/http:\/\/\S+/)[0];

  await shop.goto(link);
  await shop.getByRole("button", { name: "Yes, subscribe me" }).click();
  await shop.getByText("Thank you: you are subscribed to Demo Bakery.").waitFor();
  const [consent] = patron.sql(
    "SELECT c.id, c.email, k.granted, k.requested_at IS NOT NULL AS has_request, " +
    "k.confirm_ip_hash IS NOT NULL AS has_ip FROM customers c JOIN consents k ON k.customer_id = c.id",
  );
  assert.deepEqual({ ...consent, id: undefined }, { id: undefined, email: "mia@example.com", granted: 1, has_request: 1, has_ip: 1 });

  await gotoAdmin(admin, `${patron.url}/admin/customers/${consent.id}?part=privacy`);
  await admin.getByText(/confirmed by the link mailed at signup/).waitFor();
  await admin.close();
  await shop.close();
});
