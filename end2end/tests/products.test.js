// Products in real Chromium: a manager adds one on the Products page, a shop's page offers
// it in the reservation widget at once (named in the visitor's language), and once it is
// archived the widget no longer offers it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { euros, gotoAdmin, signedInPage, startPatronAndBrowser, startShop, stopPatronAndBrowser, strictPage } from "./harness.js";

let patron, browser, shop;
before(async () => {
  ({ patron, browser } = await startPatronAndBrowser());
  shop = await startShop(patron.url, { lang: "nl", widgets: [{ kind: "reservation", item: "STOLLEN" }] });
});
after(async () => {
  await shop?.stop();
  await stopPatronAndBrowser(patron, browser);
});

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };

test("a manager adds a product, the shop's reservation widget offers it, and stops once it is archived", async () => {
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
  const admin = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await admin.getByRole("link", { name: "Sites" }).click();
  await admin.getByRole("link", { name: "Demo Bakery" }).click();
  await admin.getByLabel("Origin to allow").fill(shop.url);
  await admin.getByRole("button", { name: "Allow" }).click();
  await admin.getByText(shop.url).waitFor();

  await admin.getByRole("link", { name: "Products" }).click();
  await admin.waitForURL(/\/admin\/products$/);
  await admin.locator("tr[data-sku=PANETTONE]").waitFor();
  await admin.getByText("Add a product").click();
  const form = admin.locator("#new-product");
  await form.getByLabel(/SKU/).fill("STOLLEN");
  await form.getByLabel("Name", { exact: true }).fill("Christmas stollen");
  await form.getByLabel("Name in Nederlands").fill("Kerststol");
  await form.getByLabel(/Price/).fill("12,50");
  // A bad price is named beside its field, and nothing is added.
  await form.getByLabel(/Price/).fill("12.505");
  await form.getByRole("button", { name: "Add the product" }).click();
  await form.locator('[data-field="UnitPrice"]').getByText(/./).waitFor();
  assert.deepEqual(patron.sql("SELECT count(*) AS n FROM catalogue_items WHERE sku = 'STOLLEN'"), [{ n: 0 }]);
  await form.getByLabel(/Price/).fill("12,50");
  await form.getByLabel(/Expected in stock/).fill("2026-12-20");
  await form.getByRole("button", { name: "Add the product" }).click();
  const row = admin.locator("tr[data-sku=STOLLEN]");
  await row.waitFor();
  assert.match(await row.textContent(), /Christmas stollen.*nl: Kerststol.*€\s12,50.*Dec 20, 2026/s);

  for (const [width, height] of [[1280, 900], [820, 1100], [390, 900]]) {
    await admin.setViewportSize({ width, height });
    await admin.screenshot({ path: `../target/screenshots/products-${width}.png`, fullPage: true });
  }
  await admin.setViewportSize({ width: 1280, height: 900 });

  // A Dutch visitor on the shop's page can reserve it, named in Dutch, the day it is
  // expected written as Dutch writes it.
  const visitor = await strictPage(browser);
  await visitor.goto(shop.url);
  const w = visitor.locator('[data-patron="reservation"]');
  await w.getByText(/Kerststol/).waitFor();
  assert.match(await w.locator(".patron").textContent(), /Kerststol.*€\s12,50.*20 dec 2026/s);

  // Changed: the SKU stays, the price follows.
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = admin.locator("#edit-product");
  assert.equal(await edit.getByLabel(/SKU/).getAttribute("readonly"), "");
  await edit.getByLabel(/Price/).fill("13");
  await edit.getByRole("button", { name: "Save" }).click();
  await row.getByText(euros(1300)).waitFor();

  // Archived: off the list of offered products, and the widget no longer offers it.
  await row.getByRole("button", { name: "Archive" }).click();
  await row.waitFor({ state: "detached" });
  await admin.getByRole("link", { name: "Archived" }).click();
  await admin.locator("tr[data-sku=STOLLEN]").getByRole("button", { name: "Offer again" }).waitFor();
  const later = await strictPage(browser, [/status of 422/]);
  await later.goto(shop.url);
  await later.locator('[data-patron="reservation"]').getByRole("alert").waitFor();
  assert.doesNotMatch(await later.locator('[data-patron="reservation"]').textContent(), /Kerststol/);
  // The one 422 is the bad price above.
  assert.deepEqual(admin.problems.filter((p) => !/status of 422/.test(p)), []);
});
