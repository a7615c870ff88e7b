// Favourites and reservation in real Chromium on the demo shop: saves that survive a
// reload, attach to the customer when they sign up, and a reservation with its errors.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startPatronAndBrowser, startShop, stopPatronAndBrowser, strictPage, withOldPrototype } from "./harness.js";

let patron, browser;
before(async () => ({ patron, browser } = await startPatronAndBrowser()));
after(() => stopPatronAndBrowser(patron, browser));

const heart = (page, sku) => page.locator(`[data-patron="favourite"][data-item="${sku}"]`).getByRole("button");
const savedList = (page) => page.locator('[data-patron="favourites-list"] .patron');

test("favourites survive a reload and attach to the customer after signup", async () => {
  const page = await strictPage(browser);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(`${patron.url}/demo`);
  await heart(page, "RYE").click();
  await heart(page, "PANETTONE").click();
  assert.equal(await heart(page, "RYE").getAttribute("aria-pressed"), "true");
  assert.equal(await heart(page, "SOURDOUGH").getAttribute("aria-pressed"), "false");
  await savedList(page).getByText("Christmas panettone").waitFor();
  assert.match(await savedList(page).textContent(), /Rye bread.*€\s4,60/);
  // A dozen widgets of one site: no warning about a second site key.
  assert.deepEqual(warnings.filter((w) => w.includes("site key")), []);
  assert.deepEqual(patron.sql("SELECT count(*) AS n FROM favourites"), [{ n: 0 }], "anonymous: nothing on the server");

  // Kept as JSON, exactly as earlier versions wrote it (serde's writer, through
  // gloo-storage), so what browsers kept before an upgrade is still read after it.
  const kept = () => page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("patron:"))
      .map((k) => [k.split(":")[2], localStorage.getItem(k)])));
  assert.deepEqual(await kept(), { saved: '["RYE","PANETTONE"]' });
  await page.reload();
  await heart(page, "RYE").waitFor();
  assert.equal(await heart(page, "RYE").getAttribute("aria-pressed"), "true");
  assert.equal(await heart(page, "PANETTONE").getAttribute("aria-pressed"), "true");
  // Un-save one, then sign up on the same browser.
  await heart(page, "PANETTONE").click();
  const signup = page.locator('[data-patron="signup"]');
  await signup.getByLabel("Email", { exact: true }).fill("mia@example.fi");
  await signup.getByRole("button", { name: "Sign up" }).click();
  await signup.getByRole("status").waitFor();
  const attached = () =>
    patron.sql(`SELECT c.email, i.sku FROM favourites f JOIN customers c ON c.id = f.customer_id
                JOIN catalogue_items i ON i.id = f.item_id ORDER BY i.sku`);
  assert.deepEqual(attached(), [{ email: "mia@example.fi", sku: "RYE" }]);
  const { saved, visitor } = await kept();
  assert.equal(saved, '["RYE"]');
  assert.match(visitor, /^"[^"]{20,}"$/, "the visitor's token, a JSON string");

  // Known now: the next save goes straight to the record.
  await heart(page, "SOURDOUGH").click();
  // The save is sent in the background; give it a moment to land.
  for (let i = 0; i < 50 && attached().length < 2; i++) await page.waitForTimeout(100);
  assert.deepEqual(attached(), [
    { email: "mia@example.fi", sku: "RYE" },
    { email: "mia@example.fi", sku: "SOURDOUGH" },
  ]);
  assert.deepEqual(page.problems, []);
});

test("a reservation shows its errors beside the fields, then is stored", async () => {
  const page = await strictPage(browser, [/status of 422/]);
  await page.goto(`${patron.url}/demo`);
  const w = page.locator('[data-patron="reservation"]');
  await w.getByText(/Christmas panettone/).waitFor();
  assert.match(await w.locator(".patron").textContent(), /€\s24,50.*Expected in stock: Dec 10, 2026/s);
  await w.getByLabel("Quantity").fill("0");
  await w.getByRole("button", { name: "Reserve" }).click();
  assert.equal(await w.locator("#given-name-error").textContent(), "Please fill this in.");
  assert.equal(await w.locator("#tel-error").textContent(), "Please fill this in.");
  assert.equal(await w.locator("#quantity-error").textContent(), "Please choose one of the given values.");

  await w.getByLabel("First name").fill("Luís");
  await w.getByLabel("Last name").fill("Costa");
  await w.getByLabel("Email", { exact: true }).fill("luis@example.pt");
  await w.getByLabel("Phone").fill("+351 912 000 111");
  await w.getByLabel("Quantity").fill("2");
  await w.getByLabel(/Note/).fill("Two, please");
  await w.getByRole("button", { name: "Reserve" }).click();
  await w.getByRole("status").waitFor();
  assert.deepEqual(
    patron.sql(`SELECT c.first_name, c.phone, i.sku, r.quantity, r.note, r.status FROM reservations r
                JOIN customers c ON c.id = r.customer_id JOIN catalogue_items i ON i.id = r.item_id`),
    [{ first_name: "Luís", phone: "+351912000111", sku: "PANETTONE", quantity: 2, note: "Two, please", status: "open" }],
  );
  assert.deepEqual(page.problems, []);
});

test("favourites and reservation work on a Portuguese page of another allowed origin", async () => {
  const shop = await startShop(patron.url, { lang: "pt", widgets: [] });
  try {
    patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
    const page = await strictPage(browser);
    await page.goto(shop.url);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend",
        '<div data-patron="favourite" data-item="RYE"></div><div data-patron="reservation" data-item="RYE"></div>');
      Patron.scan();
    });
    await heart(page, "RYE").getByText("Guardar").waitFor();
    await heart(page, "RYE").click();
    await heart(page, "RYE").getByText("Guardado").waitFor();
    const w = page.locator('[data-patron="reservation"]');
    await w.getByLabel("Nome próprio").fill("Rita");
    await w.getByLabel("Apelido").fill("Moura");
    await w.getByLabel("E-mail", { exact: true }).fill("rita@example.pt");
    await w.getByLabel("Telefone").fill("912 345 678");
    await w.getByRole("button", { name: "Reservar" }).click();
    await w.getByText("Reservado!", { exact: false }).waitFor();
    assert.deepEqual(
      patron.sql(`SELECT c.email, i.sku FROM favourites f JOIN customers c ON c.id = f.customer_id
                  JOIN catalogue_items i ON i.id = f.item_id`)
        .filter((r) => r.email === "rita@example.pt")
        .map(({ sku }) => ({ sku })),
      [{ sku: "RYE" }],
      "the save made before reserving reached the new customer",
    );
    assert.deepEqual(page.problems, []);
  } finally {
    await shop.stop();
  }
});

test("a warranty card is registered on the product's page, and a second time refused", async () => {
  const page = await strictPage(browser, [/status of 422/]);
  await page.goto(`${patron.url}/demo`);
  const w = page.locator('[data-patron="warranty"]');
  await w.getByText("Home bread slicer").waitFor();
  const fill = async (serial) => {
    await w.getByLabel("Serial number").fill(serial);
    await w.getByLabel("Date of purchase").fill("2026-03-01");
    await w.getByLabel("First name").fill("Eero");
    await w.getByLabel("Last name").fill("Virtanen");
    await w.getByLabel("Email", { exact: true }).fill("eero@example.fi");
    await w.getByRole("button", { name: "Register" }).click();
  };
  await fill("x");
  assert.equal(await w.locator("#serial-error").textContent(), "This is too short.");
  await fill("SL2-777");
  await w.getByRole("status").waitFor();
  assert.deepEqual(patron.sql("SELECT serial_number, purchase_date FROM warranty_registrations"), [
    { serial_number: "SL2-777", purchase_date: "2026-03-01" },
  ]);

  await page.reload();
  await w.getByText("Home bread slicer").waitFor();
  await fill("sl2-777 "); // the same serial, typed in lower case with a stray space
  await w.locator("#serial-error", { hasText: "This serial number is registered already." }).waitFor();
  assert.equal(patron.sql("SELECT count(*) AS n FROM warranty_registrations")[0].n, 1);
  assert.deepEqual(page.problems, []);
});

test("favourites are kept on a host page whose old library changes how arrays become JSON", async () => {
  const page = await strictPage(browser);
  await withOldPrototype(page);
  await page.goto(`${patron.url}/demo`);
  await heart(page, "RYE").click();
  assert.equal(await heart(page, "RYE").getAttribute("aria-pressed"), "true");
  await page.reload();
  await heart(page, "RYE").waitFor();
  assert.equal(await heart(page, "RYE").getAttribute("aria-pressed"), "true", "still saved after a reload");
  await savedList(page).getByText("Rye bread").waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a heart on a page the site does not allow says so instead of pretending to save", async () => {
  const shop = await startShop(patron.url, { widgets: [{ kind: "favourite", item: "RYE" }] });
  try {
    // The browser reports the refused cross-origin call itself; that is the point here.
    const page = await strictPage(browser, [/CORS|Failed to load resource|ERR_FAILED/]);
    await page.goto(shop.url);
    const heart = page.locator('[data-patron="favourite"]').getByRole("button");
    await heart.click();
    await page.locator('[data-patron="favourite"]').getByRole("alert").waitFor();
    assert.equal(await heart.getAttribute("aria-pressed"), "false");
    assert.doesNotMatch(await heart.textContent(), /Saved/);
    await page.close();
  } finally {
    await shop.stop();
  }
});

test("a page whose only widget is far below the fold fetches no widget code until the visitor nears it", async () => {
  // The shop's own content fills four screens before its footer's signup form.
  const shop = await startShop(patron.url, { widgets: ['<div style="display:block;height:4000px">our story</div>', "signup"] });
  try {
    patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
    const page = await strictPage(browser);
    const fetched = [];
    page.on("request", (r) => /\/pkg\/widgets.*\.(js|wasm)$/.test(r.url()) && fetched.push(r.url()));
    // The form's consent wording: asked for by embed.js while the code downloads, and taken
    // by the widget, which then does not ask again (its own request would say it takes JSON).
    const configs = [];
    page.on("request", (r) => r.url().endsWith("/w/signup_config") && configs.push(r.headers().accept ?? "embed.js"));
    await page.goto(shop.url);
    await page.waitForLoadState("networkidle");
    assert.deepEqual(fetched, [], "nothing of the widgets before the visitor scrolls");
    const signup = page.locator('[data-patron="signup"]');
    assert.equal(await signup.locator(".patron").count(), 0);
    // Scrolled to within a screen of it (still out of sight): the widget loads and works.
    await page.evaluate(() => {
      const top = document.querySelector('[data-patron="signup"]').getBoundingClientRect().top + scrollY;
      scrollTo(0, top - 1.8 * innerHeight);
    });
    await signup.getByRole("button", { name: "Sign up" }).waitFor();
    assert.deepEqual(fetched.map((u) => u.split("/pkg/")[1]).sort(), ["widgets-signup.js", "widgets-signup_bg.wasm"], "the signup family's bundle, nothing else");
    assert.deepEqual(configs, ["embed.js"], "one request for the form's wording, embed.js's");
    await signup.getByLabel("Email", { exact: true }).fill("footer@example.nl");
    await signup.getByRole("button", { name: "Sign up" }).click();
    await signup.getByRole("status").waitFor();
    assert.ok(patron.sql("SELECT email FROM customers").some((r) => r.email === "footer@example.nl"));
    assert.deepEqual(page.problems, []);
    await page.close();
  } finally {
    await shop.stop();
  }
});

test("a page loads the code of its widgets' family only, a mixed page the whole bundle once", async () => {
  const hearts = await startShop(patron.url, { widgets: [{ kind: "favourite", item: "RYE" }, "favourites-list"] });
  const mixed = await startShop(patron.url, { widgets: ["signup", { kind: "reservation", item: "RYE" }, "nps"] });
  try {
    for (const shop of [hearts, mixed]) patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
    const watched = async () => {
      const page = await strictPage(browser);
      const fetched = [];
      page.on("request", (r) => /\/pkg\/widgets.*\.(js|wasm)$/.test(r.url()) && fetched.push(r.url().split("/pkg/")[1]));
      return { page, fetched };
    };
    const { page, fetched } = await watched();
    await page.goto(hearts.url);
    await heart(page, "RYE").click();
    assert.equal(await heart(page, "RYE").getAttribute("aria-pressed"), "true");
    assert.deepEqual(fetched.sort(), ["widgets-favourites.js", "widgets-favourites_bg.wasm"]);
    // A signup added to the page later brings its own family's code; the heart goes on working.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<div data-patron="signup"></div>');
      Patron.scan();
    });
    await page.locator('[data-patron="signup"]').getByRole("button", { name: "Sign up" }).waitFor();
    assert.deepEqual(fetched.sort(),
      ["widgets-favourites.js", "widgets-favourites_bg.wasm", "widgets-signup.js", "widgets-signup_bg.wasm"]);
    await heart(page, "RYE").click();
    assert.equal(await heart(page, "RYE").getAttribute("aria-pressed"), "false");
    assert.deepEqual(page.problems, []);
    await page.close();

    const other = await watched();
    await other.page.goto(mixed.url);
    await other.page.locator('[data-patron="signup"]').getByRole("button", { name: "Sign up" }).waitFor();
    await other.page.locator('[data-patron="reservation"]').getByRole("button", { name: "Reserve" }).waitFor();
    await other.page.locator('[data-patron="nps"] .patron').getByRole("radio").first().waitFor();
    assert.deepEqual(other.fetched.sort(), ["widgets.js", "widgets_bg.wasm"], "three families: the whole bundle, once");
    assert.deepEqual(other.page.problems, []);
    await other.page.close();
  } finally {
    await hearts.stop();
    await mixed.stop();
  }
});
