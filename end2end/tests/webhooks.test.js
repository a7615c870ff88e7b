// Webhooks in real Chromium: the owner adds an endpoint on the site's settings page (a bad
// address refused at its field), a visitor signs up in the demo shop, a real HTTP receiver
// on loopback gets the signed event, which the reference library verifies; the log shows
// it delivered and "Send again" sends it with the same id.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { Webhook } from "standardwebhooks";
import { gotoAdmin, launchBrowser, signedInPage, startPatron, stopPatronAndBrowser, strictPage } from "./harness.js";

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };
let patron, browser, receiver;
const received = [];

before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise((ok) => receiver.listen(0, "127.0.0.1", ok));
});
after(async () => {
  receiver.close();
  await stopPatronAndBrowser(patron, browser);
});

async function waitFor(check, what) {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test("an endpoint added in the admin gets each signup, signed, and can be sent it again", async () => {
  const admin = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await gotoAdmin(admin, `${patron.url}/admin/sites/demo?section=connections`);
  const form = admin.locator("#add-webhook");
  await form.getByLabel("Endpoint URL").fill("ftp://shop.example/hooks");
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await form.locator('[data-field="Url"]').filter({ hasText: "http(s) address" }).waitFor();
  const url = `http://127.0.0.1:${receiver.address().port}/hooks`;
  await form.getByLabel("Endpoint URL").fill(url);
  await form.getByLabel("Events (comma-separated)").fill("customer.created");
  await form.getByRole("button", { name: "Add endpoint" }).click();
  const endpoint = admin.locator("[data-endpoint]");
  await endpoint.filter({ hasText: url }).waitFor();
  const secret = await endpoint.locator(".secret").textContent();
  assert.match(secret, /^whsec_/);

  const shop = await strictPage(browser);
  await shop.goto(`${patron.url}/demo`);
  const widget = shop.locator('[data-patron="signup"]');
  await widget.getByLabel("Email", { exact: true }).fill("lou@example.com");
  await widget.getByRole("button", { name: "Sign up" }).click();
  await widget.getByRole("status").waitFor();
  await waitFor(() => received.length === 1, "the webhook");
  const [{ headers, body }] = received;
  const event = new Webhook(secret).verify(body, headers);
  assert.equal(event.type, "customer.created");
  assert.equal(event.data.email, "lou@example.com");

  await gotoAdmin(admin, `${patron.url}/admin/sites/demo?section=connections`);
  const row = admin.locator('tr[data-event="customer.created"]');
  await row.locator(".delivery-state").filter({ hasText: "delivered" }).waitFor();
  await row.getByRole("button", { name: "Send again" }).click();
  await waitFor(() => received.length === 2, "the webhook sent again");
  assert.equal(received[1].headers["webhook-id"], headers["webhook-id"]);
  new Webhook(secret).verify(received[1].body, received[1].headers);
  await shop.close();
  await admin.close();
});
