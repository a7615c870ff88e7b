// Data rights in real Chromium, from the customer's record: a manager marks a customer
// "do not sell or share", downloads everything held about them, erases them after a
// confirmation, and finds the three requests on the data requests page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { gotoAdmin, launchBrowser, signedInPage, startPatron, stopPatronAndBrowser } from "./harness.js";

let patron, browser;
before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["admin", "create", "--email", "owner@bakery.example"], "a long owner passphrase\n");
});
after(() => stopPatronAndBrowser(patron, browser));

const EMAIL = "ines.quaresma@example.pt";

test("download a customer's data, mark do-not-sell, erase them from the record", async () => {
  const page = await signedInPage(browser, patron.url, "owner@bakery.example", "a long owner passphrase");
  const id = await page.evaluate(async (email) => {
    const post = async (endpoint, form) => {
      const res = await fetch(`/api/admin/${endpoint}`, { method: "POST", body: new URLSearchParams(form) });
      if (!res.ok) throw new Error(`${endpoint}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const id = await post("create_customer", { "form[site]": "demo", "form[first_name]": "Inês", "form[last_name]": "Quaresma", "form[phone]": "", "form[email]": email });
    await post("add_purchase", { "form[customer]": id, "form[payment_method]": "card", "form[lines][0][sku]": "RYE" });
    return id;
  }, EMAIL);

  await gotoAdmin(page, `${patron.url}/admin/customers/${id}?part=privacy`);
  await page.getByRole("button", { name: "Do not sell or share" }).click();
  await page.locator('[data-do-not-sell="true"]').waitFor();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download their data (JSON)" }).click(),
  ]);
  const data = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(data.customer, id);
  assert.equal(data.tables.customers[0].email, EMAIL);
  assert.ok(data.tables.customers[0].do_not_sell_at, "do-not-sell in the download");
  assert.equal(data.tables.purchases.length, 1);
  assert.equal(data.tables.purchase_items.length, 1);

  await page.getByRole("button", { name: "Erase this customer…" }).click();
  await page.getByRole("alertdialog", { name: "Erase this customer" }).waitFor();
  await page.getByRole("button", { name: "Erase for good" }).click();
  await page.locator(`[data-erased="${id}"]`).waitFor();
  assert.deepEqual(patron.sql(`SELECT count(*) AS n FROM customers WHERE id = ${id}`), [{ n: 0 }]);
  assert.deepEqual(patron.sql(`SELECT count(*) AS n FROM purchases WHERE customer_id = ${id}`), [{ n: 0 }]);
  assert.deepEqual(patron.sql(`SELECT customer_id FROM erasures`), [{ customer_id: id }]);

  await page.getByRole("link", { name: "Data requests" }).click();
  await page.waitForURL(/\/admin\/requests$/);
  for (const kind of ["erasure", "access", "do_not_sell"]) {
    await page.locator(`tr[data-request="${kind}"][data-state="done"]`).waitFor();
  }
  // Each outcome in words (stored as a code), never the code itself.
  assert.match(await page.locator('tr[data-request="erasure"]').first().textContent(), /rows erased: \d+ \(tables: \d+\)/);
  assert.match(await page.locator('tr[data-request="access"]').first().textContent(), /rows handed over: \d+/);
  assert.match(await page.locator('tr[data-request="do_not_sell"]').first().textContent(), /marked: not to be sold or shared|was marked already/);
  // The record is gone for everyone now.
  await gotoAdmin(page, `${patron.url}/admin/customers/${id}`);
  await page.getByText("This does not exist, or no longer exists.").first().waitFor();
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/rights.png`, fullPage: true });
  assert.deepEqual(page.problems.filter((p) => !/404/.test(p)), []);
  await page.close();
});

test("a customer asks for their data on the site's privacy page and downloads it from the mailed link", async () => {
  const staff = await signedInPage(browser, patron.url, "owner@bakery.example", "a long owner passphrase");
  await staff.evaluate(async () => {
    const body = new URLSearchParams({ "form[site]": "demo", "form[first_name]": "Tomás", "form[last_name]": "Vilar", "form[phone]": "", "form[email]": "tomas.vilar@example.es" });
    const res = await fetch("/api/admin/create_customer", { method: "POST", body });
    if (!res.ok) throw new Error(`create_customer: ${res.status} ${await res.text()}`);
  });

  // The customer, in their own browser: no account, no cookies.
  const context = await browser.newContext();
  const customer = await context.newPage();
  await customer.goto(`${patron.url}/p/demo/privacy/request`);
  await customer.getByLabel("Your email address").fill("Tomas.Vilar@example.es");
  await customer.getByLabel("See and download my data").check();
  await customer.getByRole("button", { name: "Send me the link" }).click();
  await customer.locator("[data-sent]").waitFor();

  // No mail server here: staff find the mail in the outbox and pass the link on.
  await staff.getByRole("link", { name: "Data requests" }).click();
  await staff.waitForURL(/\/admin\/requests$/);
  const open = staff.locator('tr[data-request="access"][data-state="open"]');
  await open.getByText("Mail in the outbox").click();
  const mail = await open.locator("pre").textContent();
  const link = mail.match(/https?:\/\/\S+/)[0];

  await customer.goto(link);
  const [download] = await Promise.all([
    customer.waitForEvent("download"),
    customer.getByRole("button", { name: "Download (JSON)" }).click(),
  ]);
  const data = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(data.tables.customers[0].email, "tomas.vilar@example.es");
  assert.equal(data.tables.customers[0].last_name, "Vilar");

  // The link worked once.
  await customer.goto(link);
  await customer.getByText("This link no longer works").waitFor();
  await staff.reload();
  await staff.locator('tr[data-request="access"][data-state="done"]').first().waitFor();
  assert.deepEqual(staff.problems, []);
  await context.close();
  await staff.close();
});
