// Corrections in real Chromium: a purchase at the till earns stamps; on the record, a
// return of some of its lines lowers the customer's spend and takes back the stamps those
// lines earned; a void takes out what is left of it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { gotoAdmin, launchBrowser, signedInPage, startPatron, stopPatronAndBrowser } from "./harness.js";

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };
let patron, browser;

before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
});
after(async () => stopPatronAndBrowser(patron, browser));

test("a return on the record lowers the spend and the stamps; a void takes out the rest", async () => {
  const admin = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await gotoAdmin(admin, `${patron.url}/admin/sites/demo?section=loyalty`);
  const create = admin.locator('form[data-programme="new"]');
  await create.getByLabel("Name").fill("Rye card");
  await create.getByLabel("Only these items").fill("RYE");
  await create.getByLabel("Rewards").fill("10 Free loaf");
  await create.getByRole("button", { name: "Create programme" }).click();
  await admin.locator("form.loyalty-programme h3", { hasText: "Rye card" }).waitFor();

  await gotoAdmin(admin, `${patron.url}/admin/till`);
  const fresh = admin.locator("details.new-customer");
  await fresh.locator("summary").click();
  await fresh.getByLabel("First name").fill("Greta");
  await fresh.getByLabel("Phone").fill("06 1111 2222");
  await fresh.getByRole("button", { name: "Create customer" }).click();
  await admin.locator(".chosen", { hasText: "Greta" }).waitFor();
  const card = admin.locator(".loyalty-card", { hasText: "Rye card" });
  await admin.getByLabel("Item").first().fill("RYE");
  await admin.getByLabel("Quantity").first().fill("3");
  await admin.getByRole("button", { name: "Save purchase" }).click();
  await card.locator('[data-balance="3"]').waitFor();

  await admin.getByRole("link", { name: "Open record" }).last().click();
  await admin.waitForURL(/\/admin\/customers\/\d+$/);
  await admin.locator('[data-stat="total"]', { hasText: "13,80" }).waitFor();
  await admin.getByRole("link", { name: "Purchases (1)" }).click();
  const purchase = admin.locator("article.purchase").first();
  await purchase.getByText("Return…").click();
  const form = purchase.locator("form.return-form");
  await form.getByLabel(/of 3 × Rye bread/).fill("2");
  await form.getByLabel("Reason").fill("Stale");
  await form.getByRole("button", { name: "Record the return" }).click();
  await purchase.getByText(/Returned .* Stale · €\s9,20 given back/).waitFor();
  await admin.locator('[data-stat="total"]', { hasText: "4,60" }).waitFor();
  // The stamps returned with the loaves, on the record's overview.
  const record = admin.url();
  await gotoAdmin(admin, record.replace(/\?.*$/, ""));
  await admin.locator(".loyalty-card", { hasText: "Rye card" }).locator('[data-balance="1"]').waitFor();
  await gotoAdmin(admin, record);
  for (const [width, height] of [[1280, 900], [820, 1100], [390, 900]]) {
    await admin.setViewportSize({ width, height });
    await admin.locator("article.purchase").first().screenshot({ path: `../target/screenshots/corrections-${width}.png` });
  }
  await admin.setViewportSize({ width: 1280, height: 900 });

  // The reports count what was kept: one loaf of three, 4,60.
  await gotoAdmin(admin, `${patron.url}/admin/reports?site=demo`);
  const rye = admin.locator('table[data-sellers="by_quantity"] tr[data-sku="RYE"]');
  await rye.waitFor();
  assert.match(await rye.textContent(), /Rye bread\s*1\s*€\s4,60/);
  for (const [width, height] of [[1280, 900], [820, 1100], [390, 900]]) {
    await admin.setViewportSize({ width, height });
    await admin.locator('table[data-sellers="by_quantity"]').screenshot({ path: `../target/screenshots/top-sellers-${width}.png` });
  }
  await admin.setViewportSize({ width: 1280, height: 900 });
  await gotoAdmin(admin, record);

  const again = admin.locator("article.purchase").first();
  await again.getByText("Void…").click();
  await again.locator("form.void-form").getByLabel("Reason").fill("Entered on the wrong customer");
  await again.getByRole("button", { name: "Void this purchase" }).click();
  await admin.locator("[data-voided]", { hasText: "Entered on the wrong customer" }).waitFor();
  await admin.locator('[data-stat="total"]', { hasText: "0,00" }).waitFor();
  assert.deepEqual(
    patron.sql("SELECT kind, amount FROM loyalty_ledger WHERE programme_id = (SELECT id FROM loyalty_programmes WHERE name = 'Rye card') ORDER BY id"),
    [{ kind: "earn", amount: 3 }, { kind: "adjust", amount: -2 }, { kind: "adjust", amount: -1 }],
  );
  assert.deepEqual(admin.problems, []);
});
