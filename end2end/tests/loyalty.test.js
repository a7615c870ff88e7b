// Loyalty in real Chromium: the owner sets up a stamp card on the site's settings page (a
// reward without its cost refused at its field), a purchase at the till adds a stamp on the
// card shown beside it, the tenth earns the reward, staff redeem it, and the record shows
// the card's movements with the purchase that earned each; a card number given, printed
// with its QR code and typed at the till finds the customer; the report counts it all.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { gotoAdmin, launchBrowser, signedInPage, startPatron, startShop, stopPatronAndBrowser, strictPage } from "./harness.js";

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };
let patron, browser;

before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
});
after(async () => stopPatronAndBrowser(patron, browser));

test("a stamp card: each purchase at the till stamps it, the tenth earns the reward, redeemed once", async () => {
  const admin = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await gotoAdmin(admin, `${patron.url}/admin/sites/demo?section=loyalty`);
  const create = admin.locator('form[data-programme="new"]');
  await create.getByLabel("Name").fill("Bun card");
  await create.getByLabel("Only these items").fill("CINNAMON-BUN");
  await create.getByLabel("Rewards").fill("Free bun");
  await create.getByRole("button", { name: "Create programme" }).click();
  await create.locator('[data-field="Rewards"]').filter({ hasText: "Please enter a whole number." }).waitFor();
  await create.getByLabel("Rewards").fill("10 Free bun");
  await create.getByRole("button", { name: "Create programme" }).click();
  await admin.locator("form.loyalty-programme h3", { hasText: "Bun card" }).waitFor();

  await gotoAdmin(admin, `${patron.url}/admin/till`);
  const fresh = admin.locator("details.new-customer");
  await fresh.locator("summary").click();
  await fresh.getByLabel("First name").fill("Saga");
  await fresh.getByLabel("Phone").fill("070 555 12 12");
  await fresh.getByRole("button", { name: "Create customer" }).click();
  await admin.locator(".chosen", { hasText: "Saga" }).waitFor();
  const card = admin.locator(".loyalty-card", { hasText: "Bun card" });
  await card.locator('[data-balance="0"]', { hasText: "0 stamps" }).waitFor();

  const buy = async (quantity, stamps) => {
    await admin.getByLabel("Item").first().fill("CINNAMON-BUN");
    await admin.getByLabel("Quantity").first().fill(String(quantity));
    await admin.getByRole("button", { name: "Save purchase" }).click();
    await card.locator(`[data-balance="${stamps}"]`).waitFor();
  };
  await buy(1, 1);
  await buy(8, 9);
  assert.equal(await card.locator("[data-reward]").count(), 0, "nine stamps buy nothing yet");
  await buy(1, 10);
  await card.getByRole("button", { name: "Redeem Free bun (10 stamps)" }).click();
  await card.locator('[data-balance="0"]', { hasText: "0 stamps" }).waitFor();
  assert.equal(await card.locator("[data-reward]").count(), 0);

  await admin.getByRole("link", { name: "Open record" }).last().click();
  await admin.waitForURL(/\/admin\/customers\/\d+$/);
  const onRecord = admin.locator(".loyalty-card", { hasText: "Bun card" });
  await onRecord.locator("summary").click();
  await onRecord.locator('li[data-movement="redeem"]', { hasText: "-10 stamps redeemed Free bun" }).waitFor();
  assert.equal(await onRecord.locator('li[data-movement="earn"]').count(), 3);
  await onRecord.locator('li[data-movement="earn"]', { hasText: "+8 stamps earned · purchase" }).waitFor();

  // In-store sign-up: staff give a card, print it with its QR code, and the number finds
  // the customer at the till however it is typed.
  await admin.getByRole("button", { name: "Give a loyalty card" }).click();
  const number = await admin.locator(".loyalty-member [data-card]").getAttribute("data-card");
  assert.match(number, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await admin.getByRole("link", { name: "Print card" }).click();
  await admin.locator(".print-card .qr svg").waitFor();
  assert.equal(await admin.locator(".print-card .number").textContent(), number);
  await gotoAdmin(admin, `${patron.url}/admin/till`);
  await admin.getByLabel("Find the customer").fill(number.toLowerCase().replace("-", " "));
  await admin.getByRole("button", { name: /Saga/ }).click();
  await admin.locator(".chosen", { hasText: "Saga" }).waitFor();

  // The report counts the member, the ten stamps issued and the ten redeemed, with charts.
  await gotoAdmin(admin, `${patron.url}/admin/reports?site=demo&days=30`);
  const report = admin.locator('.loyalty-programme-report[data-programme="Bun card"]');
  await report.locator('[data-stat="issued"]', { hasText: "10" }).waitFor();
  assert.equal(await report.locator('[data-stat="redeemed"]').textContent(), "10");
  assert.equal(await report.locator('[data-stat="rewards"]').textContent(), "1");
  assert.equal(await report.locator("svg.chart").count(), 2);
  assert.equal(await admin.locator('.loyalty-stats [data-stat="members"]').textContent(), "1");
  assert.equal(await admin.locator('.loyalty-stats [data-stat="member_share"]').textContent(), "100 %");

  assert.deepEqual(
    // The demo's own Bread card (--demo) earns too: this card's entries only.
    patron.sql("SELECT kind, amount FROM loyalty_ledger WHERE programme_id = (SELECT id FROM loyalty_programmes WHERE name = 'Bun card') ORDER BY id"),
    [
      { kind: "earn", amount: 1 },
      { kind: "earn", amount: 8 },
      { kind: "earn", amount: 1 },
      { kind: "redeem", amount: -10 },
    ],
  );
  assert.deepEqual(admin.problems.filter((p) => !/status of 422/.test(p)), []);
  await admin.close();
});

test("the owner words the card in Dutch, and a Dutch shop's widget shows only Dutch", async () => {
  const admin = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await gotoAdmin(admin, `${patron.url}/admin/sites/demo?section=loyalty`);
  const card = admin.locator("form.loyalty-programme", { has: admin.locator("h3", { hasText: "Bun card" }) });
  const dutch = card.locator('details[data-words="nl"]');
  await dutch.locator("summary", { hasText: "Words in Nederlands" }).click();
  await dutch.getByLabel("Name").fill("Broodjeskaart");
  await dutch.getByLabel("10 · Free bun").fill("Gratis broodje");
  await card.getByRole("button", { name: "Save" }).click();
  await admin.waitForFunction(() => document.querySelector('details[data-words="nl"] input[placeholder="Bun card"]')?.value === "Broodjeskaart");

  const shop = await startShop(patron.url, { lang: "nl", widgets: ["loyalty"] });
  patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
  const visitor = await strictPage(browser);
  await visitor.goto(shop.url);
  const widget = visitor.locator('[data-patron="loyalty"]');
  await widget.getByText("Broodjeskaart").waitFor();
  await widget.getByText(/Gratis broodje · 10/).waitFor();
  assert.equal(await widget.getByText("Bun card").count(), 0, "no English name beside the Dutch");
  assert.deepEqual(visitor.problems, []);
  assert.deepEqual(admin.problems, []);
  await shop.stop();
  await admin.close();
});
