// Postal addresses in the widgets, in real Chromium: the owner asks for one in the
// reservation form on the Sites page, and the demo shop's form asks for it at once, with
// its errors beside the fields. And the warranty form over a catalogue too large to list.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { signIn, signedInPage, startPatronAndBrowser, startShop, stopPatronAndBrowser, strictPage } from "./harness.js";

let patron, browser;
before(async () => {
  ({ patron, browser } = await startPatronAndBrowser());
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
});
after(() => stopPatronAndBrowser(patron, browser));

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };
const shots = process.env.E2E_SHOTS;

test("the owner asks for a postal address in the reservation form, and the form asks the visitor", async () => {
  const admin = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await admin.getByRole("link", { name: "Sites" }).click();
  await admin.getByRole("link", { name: "Demo Bakery" }).click();
  const choice = admin.locator('[data-widget="reservation"]').getByLabel("Postal address");
  assert.equal(await choice.inputValue(), "off");
  assert.equal(await admin.locator('[data-widget="nps"]').getByLabel("Postal address").count(), 0);
  await choice.selectOption("required");
  for (let i = 0; i < 50 && patron.sql("SELECT count(*) AS n FROM site_address_modes")[0].n === 0; i++) {
    await admin.waitForTimeout(100);
  }
  assert.deepEqual(patron.sql("SELECT widget, mode FROM site_address_modes"), [{ widget: "reservation", mode: "required" }]);
  await admin.reload();
  assert.equal(await admin.locator('[data-widget="reservation"]').getByLabel("Postal address").inputValue(), "required");

  const page = await strictPage(browser, [/status of 422/]);
  await page.goto(`${patron.url}/demo`);
  const w = page.locator('[data-patron="reservation"]');
  await w.getByRole("group", { name: "Postal address" }).waitFor();
  await w.getByLabel("First name").fill("Luís");
  await w.getByLabel("Last name").fill("Costa");
  await w.getByLabel("Email", { exact: true }).fill("luis@example.pt");
  await w.getByLabel("Phone").fill("+351 912 000 111");
  await w.getByRole("button", { name: "Reserve" }).click();
  assert.equal(await w.locator("#address-line1-error").textContent(), "Please fill this in.");
  assert.equal(await w.locator("#postal-code-error").textContent(), "Please fill this in.");
  assert.equal(await w.locator("#country-name-error").textContent(), "", "the country may be left out");
  await w.getByLabel("Street and house number").fill("Rua Augusta 5");
  await w.getByLabel("Postcode").fill("1100-048");
  await w.getByLabel("Town or city").fill("Lisboa");
  if (shots) {
    for (const width of [1280, 820, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await w.screenshot({ path: `${shots}/reservation-address-${width}.png` });
    }
  }
  await w.getByRole("button", { name: "Reserve" }).click();
  await w.getByRole("status").waitFor();
  assert.deepEqual(
    patron.sql("SELECT street, postcode, city, country FROM customers"),
    [{ street: "Rua Augusta 5", postcode: "1100-048", city: "Lisboa", country: "" }],
  );
  // The other forms still ask for none.
  assert.equal(await page.locator('[data-patron="signup"]').getByRole("group", { name: "Postal address" }).count(), 0);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(admin.problems, []);
});

test("a warranty card for one of many products is found by a search", async () => {
  const cookie = await signIn(patron.url, OWNER.email, OWNER.password);
  for (let i = 1; i <= 120; i++) {
    const res = await fetch(`${patron.url}/api/admin/save_product`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: patron.url, cookie },
      body: new URLSearchParams({ site: "demo", create: "true", "form[sku]": `BIKE-${i}`, "form[name]": `Bicycle model ${i}`, "form[price]": "499" }),
    });
    assert.equal(res.status, 200, await res.text());
  }
  const shop = await startShop(patron.url, { widgets: ["warranty"] });
  try {
    patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
    const page = await strictPage(browser);
    await page.goto(shop.url);
    const w = page.locator('[data-patron="warranty"]');
    const options = () => w.getByLabel("Product", { exact: true }).locator("option").allTextContents();
    // The first hundred by name are listed before any search; a search narrows them.
    const settle = async (n) => { for (let i = 0; i < 50 && (await options()).length !== n; i++) await page.waitForTimeout(100); };
    await settle(100);
    assert.equal((await options()).length, 100);
    await w.getByLabel("Find your product (name or number)").fill("model 117");
    await settle(1);
    assert.deepEqual(await options(), ["Bicycle model 117"]);
    await w.getByLabel("Find your product (name or number)").fill("no such bicycle");
    await w.getByText("No product matches this.").waitFor();
    await w.getByLabel("Find your product (name or number)").fill("BIKE-11");
    await w.getByLabel("Product", { exact: true }).locator("option", { hasText: "Bicycle model 119" }).waitFor({ state: "attached" });
    await w.getByLabel("Product", { exact: true }).selectOption("BIKE-119");
    await w.getByLabel("Serial number").fill("FR-119-0001");
    await w.getByLabel("Date of purchase").fill("2026-03-01");
    await w.getByLabel("First name").fill("Eero");
    await w.getByLabel("Last name").fill("Virtanen");
    await w.getByLabel("Email", { exact: true }).fill("eero@example.fi");
    if (shots) await w.screenshot({ path: `${shots}/warranty-search-1280.png` });
    await w.getByRole("button", { name: "Register" }).click();
    await w.getByRole("status").waitFor();
    assert.deepEqual(
      patron.sql("SELECT i.sku, w.serial_number FROM warranty_registrations w JOIN catalogue_items i ON i.id = w.item_id"),
      [{ sku: "BIKE-119", serial_number: "FR-119-0001" }],
    );
    assert.deepEqual(page.problems, []);
  } finally {
    await shop.stop();
  }
});
