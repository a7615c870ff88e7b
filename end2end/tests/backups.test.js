// Backups in real Chromium: the owner takes a backup from the Backups page, a customer is
// added afterwards, `patron restore latest` runs against the live server, and the admin
// shows the database as it was at the backup; the audit log lists the backup.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, signedInPage, startPatron, stopPatronAndBrowser } from "./harness.js";

let patron, browser;
before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["admin", "create", "--email", "owner@bakery.example"], "a long owner passphrase\n");
});
after(() => stopPatronAndBrowser(patron, browser));

const createCustomer = (page, first) =>
  page.evaluate(async (first) => {
    const body = new URLSearchParams({ "form[site]": "demo", "form[first_name]": first, "form[last_name]": "Backup", "form[phone]": "", "form[email]": `${first.toLowerCase()}@backup.example` });
    const res = await fetch("/api/admin/create_customer", { method: "POST", body });
    if (!res.ok) throw new Error(`create_customer: ${res.status} ${await res.text()}`);
    return res.json();
  }, first);

test("take a backup in the admin, restore it from the command line under the running server", async () => {
  const page = await signedInPage(browser, patron.url, "owner@bakery.example", "a long owner passphrase");
  await createCustomer(page, "Before");

  await page.getByRole("link", { name: "Backups" }).click();
  await page.waitForURL(/\/admin\/backups$/);
  await page.getByText("No backup has been taken yet.").waitFor();
  await page.getByRole("button", { name: "Back up now" }).click();
  const row = page.locator("[data-backup]");
  await row.waitFor();
  assert.match(await row.first().textContent(), /^patron-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db/);
  assert.match(await page.locator("[data-last-backup]").textContent(), /Last backup:/);

  // The audit log has the click (before the restore: a restore brings back the log too).
  await page.getByRole("link", { name: "Audit log" }).click();
  const entry = page.locator('[data-audit="backed_up"]');
  await entry.waitFor();
  assert.match(await entry.textContent(), /owner@bakery\.example.*took a backup/);

  await createCustomer(page, "After");
  assert.deepEqual(patron.sql("SELECT first_name FROM customers ORDER BY id").map((r) => r.first_name), ["Before", "After"]);
  const out = patron.cli(["restore", "latest"]);
  assert.match(out, /restored .*patron-.*\.db/);
  // The running server reads the restored database at once.
  await page.goto(`${patron.url}/admin/customers`);
  await page.getByText("Before Backup").waitFor();
  assert.equal(await page.getByText("After Backup").count(), 0);
  assert.deepEqual(patron.sql("SELECT first_name FROM customers ORDER BY id").map((r) => r.first_name), ["Before"]);

  // The copy of the database as it was before the restore is listed too.
  await page.goto(`${patron.url}/admin/backups`);
  await page.locator("[data-backup]").nth(1).waitFor();
});
