// The staff admin's daily jobs in real Chromium: find a customer by phone at the till and
// add a purchase, see it on the record with its totals, log a call, edit a field, create a
// customer in place, and invite a staff member who is then refused the settings pages.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { euros, gotoAdmin, startPatronAndBrowser, stopPatronAndBrowser, strictPage } from "./harness.js";

let patron, browser;
before(async () => ({ patron, browser } = await startPatronAndBrowser()));
after(() => stopPatronAndBrowser(patron, browser));

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };

async function signIn(page, email, password) {
  await gotoAdmin(page, `${patron.url}/admin/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin\/customers$/);
  await page.waitForSelector("html[data-hydrated]", { state: "attached" });
}

test("at the till: lookup by phone, a purchase with a discount, the record's totals, a logged call", async () => {
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");

  // A customer who signed up on the shop's site, with their phone.
  const shop = await strictPage(browser);
  await shop.goto(`${patron.url}/demo`);
  const w = shop.locator('[data-patron="signup"]');
  await w.getByLabel("First name").fill("Robert");
  await w.getByLabel("Last name").fill("Lindqvist");
  await w.getByLabel("Email", { exact: true }).fill("rob@example.se");
  await w.getByLabel("Phone").fill("070-123 45 67");
  await w.getByRole("button", { name: "Sign up" }).click();
  await w.getByRole("status").waitFor();

  // The wrong email typed into the record below is answered 422, which the browser logs.
  const page = await strictPage(browser, [/status of 422/]);
  await signIn(page, OWNER.email, OWNER.password);
  await page.getByRole("link", { name: "Till" }).click();
  await page.getByLabel("Find the customer").fill("070123");
  await page.getByRole("button", { name: /Robert Lindqvist/ }).click();
  await page.locator(".chosen", { hasText: "Robert Lindqvist" }).waitFor();

  // Two sourdough loaves from the catalogue, gift wrap typed in, 0.20 off.
  // The till suggests products as a SKU or a name is typed; the one picked brings its price.
  await page.getByLabel("Item").first().fill("sourd");
  await page.locator("datalist option", { hasText: "Sourdough loaf (5.20)" }).waitFor({ state: "attached" });
  await page.getByLabel("Item").first().fill("SOURDOUGH");
  await page.getByLabel("Quantity").first().fill("2");
  await page.locator("[data-total]", { hasText: euros(1040) }).waitFor();
  for (const width of [1280, 820, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator(".purchase-entry").screenshot({ path: `../target/screenshots/till-entry-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Add line" }).click();
  await page.getByLabel("Description").nth(1).fill("Gift wrap");
  await page.getByLabel("Unit price").nth(1).fill("0,10");
  await page.locator(".till-foot").getByLabel("Discount").fill("0.20");
  await page.locator(".till-foot").getByLabel("Payment").selectOption("cash");
  assert.equal(await page.locator("[data-total]").textContent(), euros(1030));
  await page.getByRole("button", { name: "Save purchase" }).click();
  await page.getByRole("status").filter({ hasText: `Saved: ${euros(1030)}` }).waitFor();

  await page.getByRole("link", { name: "Open record" }).last().click();
  await page.waitForURL(/\/admin\/customers\/\d+$/);
  assert.equal(await page.locator('[data-stat="total"]').textContent(), euros(1030));
  assert.equal(await page.locator('[data-stat="orders"]').textContent(), "1");
  // The record opens on its overview; the purchases, the timeline and the consents are
  // parts of their own.
  await page.getByRole("link", { name: "Purchases (1)" }).click();
  await page.locator(".purchase", { hasText: `2 × Sourdough loaf @ ${euros(520)} = ${euros(1040)}` }).waitFor();

  // An inline edit: the cursor goes into the field; a wrong value is told at the field,
  // Escape leaves the field as it was.
  await page.getByRole("link", { name: "Overview" }).click();
  const email = page.locator('tr[data-field="email"]');
  await email.getByRole("button", { name: "Edit Email" }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "value");
  await email.locator('input[name="value"]').fill("rob at example");
  await email.getByRole("button", { name: "Save" }).click();
  await email.getByText("This does not look like an email address.").waitFor();
  await page.keyboard.press("Escape");
  await email.getByRole("button", { name: "Edit Email" }).waitFor();
  assert.equal(await email.locator(".value").textContent(), "rob@example.se");

  // A change, kept in the timeline with the old and the new value.
  await page.getByRole("button", { name: "Edit Company" }).click();
  await page.locator('tr[data-field="company"] input[name="value"]').fill("Lindqvist Bygg AB");
  await page.locator('tr[data-field="company"]').getByRole("button", { name: "Save" }).click();
  await page.locator('tr[data-field="company"] .value', { hasText: "Lindqvist Bygg AB" }).waitFor();

  // A phone call, logged on the record's timeline beside the change.
  await page.getByRole("link", { name: "Timeline" }).click();
  await page.locator('.timeline li[data-kind="changes"]', { hasText: /Company.*– → Lindqvist Bygg AB/ }).waitFor();
  await page.locator(".interaction").getByLabel("Kind").selectOption("call");
  await page.locator(".interaction").getByLabel("What happened").fill("Asked whether the rye has seeds");
  await page.locator(".interaction").getByLabel("Outcome").fill("Told him: caraway");
  await page.getByRole("button", { name: "Log" }).click();
  await page.locator('.timeline li[data-kind="contacts"]', { hasText: "Asked whether the rye has seeds" }).waitFor();
  // Narrowed to one kind, the timeline shows only that kind.
  await page.getByRole("link", { name: "Contacts" }).click();
  await page.locator('.timeline li[data-kind="contacts"]', { hasText: "Phone call" }).waitFor();
  assert.equal(await page.locator('.timeline li[data-kind="changes"]').count(), 0);
  await page.getByRole("link", { name: "Changes" }).click();
  await page.locator('.timeline li[data-kind="changes"]').first().waitFor();
  assert.equal(await page.locator('.timeline li[data-kind="contacts"]').count(), 0);
  for (const [width, height] of [[1280, 900], [820, 1180], [390, 844]]) {
    await page.setViewportSize({ width, height });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `record at ${width}`);
    await page.screenshot({ path: `../target/screenshots/record-timeline-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  const rows = patron.sql("SELECT total_minor, payment_method FROM purchases");
  assert.deepEqual(rows, [{ total_minor: 1030, payment_method: "cash" }]);
  assert.deepEqual(page.problems, []);
});

test("a customer created in place at the till gets their purchase at once", async () => {
  const page = await strictPage(browser, [/status of 422/]);
  await signIn(page, OWNER.email, OWNER.password);
  await gotoAdmin(page, `${patron.url}/admin/till`);
  await page.getByText("New customer").click();
  await page.getByLabel("First name").fill("Lena");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".form-error", { hasText: "This field is required." }).waitFor();
  await page.getByLabel("Phone").fill("+46 70 555 12 34");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.locator(".chosen", { hasText: "Lena" }).waitFor();
  await page.getByLabel("Item").first().fill("RYE");
  await page.getByRole("button", { name: "Save purchase" }).click();
  await page.getByRole("status").filter({ hasText: `Saved: ${euros(460)}` }).waitFor();
  const rows = patron.sql(
    "SELECT c.first_name, c.phone, c.source, p.total_minor FROM purchases p JOIN customers c ON c.id = p.customer_id",
  ).filter((r) => r.first_name === "Lena");
  assert.deepEqual(rows, [{ first_name: "Lena", phone: "+46705551234", source: "till", total_minor: 460 }]);
  assert.deepEqual(page.problems, []);
});

test("a long-standing customer's purchases come ten to a page, newest first", async () => {
  const page = await strictPage(browser);
  await signIn(page, OWNER.email, OWNER.password);
  const id = await page.evaluate(async () => {
    const post = async (fn, fields) => (await fetch(`/api/admin/${fn}`, { method: "POST", body: new URLSearchParams(fields) })).json();
    const id = await post("create_customer", { "form[site]": "demo", "form[first_name]": "Greet", "form[last_name]": "Jansen", "form[phone]": "", "form[email]": "greet@example.nl" });
    for (let n = 1; n <= 12; n++) {
      await post("add_purchase", { "form[customer]": id, "form[payment_method]": "cash", "form[lines][0][sku]": "RYE", "form[lines][0][quantity]": String(n) });
    }
    return id;
  });
  await gotoAdmin(page, `${patron.url}/admin/customers/${id}?part=purchases`);
  await page.getByRole("link", { name: "Purchases (12)" }).waitFor();
  assert.equal(await page.locator("article.purchase").count(), 10);
  await page.locator(".pager", { hasText: "1–10 of 12" }).waitFor();
  // Newest first: the twelfth purchase (12 loaves) heads the first page.
  await page.locator("article.purchase").first().getByText(/^12 × Rye bread/).waitFor();
  await page.getByRole("link", { name: "Older →" }).click();
  await page.locator(".pager", { hasText: "11–12 of 12" }).waitFor();
  assert.equal(await page.locator("article.purchase").count(), 2);
  await page.locator("article.purchase").last().getByText(/^1 × Rye bread/).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("an invited staff member joins through the link and is refused the settings pages", async () => {
  const owner = await strictPage(browser);
  await signIn(owner, OWNER.email, OWNER.password);
  await owner.getByRole("link", { name: "Staff" }).click();
  await owner.getByLabel("Email").fill("till@bakery.example");
  await owner.getByLabel("Invite as").selectOption("staff");
  await owner.getByRole("button", { name: "Make invitation link" }).click();
  const link = await owner.getByLabel("Invitation link").inputValue();
  assert.match(link, /\/admin\/invite\/[0-9a-f]{64}$/);

  const till = await strictPage(browser, [/status of 403/]);
  await gotoAdmin(till, link);
  await till.getByText("You are invited as till@bakery.example (staff).").waitFor();
  await till.getByLabel(/Password/).fill("the till's own passphrase");
  await till.getByRole("button", { name: "Join" }).click();
  await till.waitForURL(/\/admin$/);
  await till.locator(".side-who .who", { hasText: "till@bakery.example · staff" }).waitFor();
  assert.equal(await till.getByRole("link", { name: "Sites" }).count(), 0);
  await gotoAdmin(till, `${patron.url}/admin/sites/demo`);
  await till.getByText("You are not allowed to do this.").waitFor();
  await gotoAdmin(till, `${patron.url}/admin/staff`);
  await till.getByText("You are not allowed to do this.").waitFor();

  // The link worked once.
  const again = await strictPage(browser);
  await again.goto(link);
  await again.getByText("This invitation link has been used or has expired.").waitFor();
  assert.deepEqual(owner.problems, []);
  assert.deepEqual(till.problems, []);
});
