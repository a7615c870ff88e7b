// The signup widget in real Chromium: on the demo page, on a second allowed origin with a
// hostile page, and on an origin the site does not allow.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { listCustomers, startPatronAndBrowser, startShop, stopPatronAndBrowser, strictPage } from "./harness.js";

const OWNER = { email: "owner@demo.example", password: "correct horse battery staple" };
let patron, browser;

before(async () => {
  ({ patron, browser } = await startPatronAndBrowser());
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
});
after(() => stopPatronAndBrowser(patron, browser));

const customers = (q = "") => listCustomers(patron.url, OWNER.email, OWNER.password, q);
const widget = (page) => page.locator('[data-patron="signup"]');
// The host element's own textContent excludes its shadow root; read inside it.
const widgetText = (page) => widget(page).locator(".patron").textContent();

async function fillSignup(page, { first = "", last = "", email = "", phone = "", consent = false }) {
  const w = widget(page);
  await w.getByLabel("First name").fill(first);
  await w.getByLabel("Last name").fill(last);
  await w.getByLabel("Email", { exact: true }).fill(email);
  await w.getByLabel("Phone").fill(phone);
  if (consent) await w.getByRole("checkbox").check();
  await w.getByRole("button", { name: "Sign up" }).click();
}

describe("signup widget on the demo shop", () => {
  test("an invalid email shows the error beside the field and stores nothing", async () => {
    const page = await strictPage(browser);
    await page.goto(`${patron.url}/demo`);
    await fillSignup(page, { first: "Ann", email: "ann-at-example.com" });
    const error = widget(page).locator("#email-error");
    await error.waitFor();
    assert.match(await error.textContent(), /valid email address/);
    assert.equal(await widget(page).getByLabel("Email", { exact: true }).getAttribute("aria-invalid"), "true");
    // Typing again clears the stale message.
    await widget(page).getByLabel("Email", { exact: true }).fill("ann@");
    assert.equal(await error.textContent(), "");
    assert.equal((await customers()).total, 0);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test("a valid signup thanks the visitor and stores the customer with consent", async () => {
    const page = await strictPage(browser);
    await page.goto(`${patron.url}/demo`);
    await widget(page).getByRole("checkbox").waitFor();
    assert.match(await widgetText(page), /send me news and offers/);
    await fillSignup(page, { first: "Zoë", last: "O'Brien", email: "Zoe.OBrien@Example.com", phone: "+49 170 1234567", consent: true });
    await widget(page).getByRole("status").waitFor();
    assert.equal(await widget(page).getByRole("status").textContent(), "Thank you for signing up!");
    const list = await customers();
    assert.equal(list.total, 1);
    const [row] = list.rows;
    assert.equal(row.email, "zoe.obrien@example.com");
    assert.equal(row.first_name, "Zoë");
    assert.equal(row.last_name, "O'Brien");
    assert.equal(row.phone, "+491701234567");
    assert.equal(row.newsletter, "Granted");
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test("someone typing a known email, in another case and with another name, is thanked alike and changes nothing", async () => {
    const page = await strictPage(browser);
    await page.goto(`${patron.url}/demo`);
    await fillSignup(page, { first: "Mallory", email: "ZOE.OBRIEN@EXAMPLE.COM", phone: "+49 170 7654321" });
    await widget(page).getByRole("status").waitFor();
    // The answer a new address gets (the box left unticked: no newsletter, and it says so):
    // the page cannot tell that Zoë is a customer.
    assert.equal(await widget(page).getByRole("status").textContent(),
      "Thank you! We have your details, but without a tick in the box we will not send you our news.");
    const list = await customers();
    assert.equal(list.total, 1);
    assert.equal(list.rows[0].first_name, "Zoë", "an unproven address changes no field");
    assert.equal(list.rows[0].phone, "+491701234567");
    await page.close();
  });

  test("the widget speaks the page's language", async () => {
    const page = await strictPage(browser);
    await page.goto(`${patron.url}/demo`);
    // A second widget added later, in German: data-lang on the element wins.
    await page.evaluate(() => {
      const el = document.createElement("div");
      el.dataset.patron = "signup";
      el.dataset.lang = "de-AT";
      el.id = "second";
      document.body.append(el);
      Patron.scan();
    });
    const second = page.locator("#second");
    await second.getByRole("button", { name: "Anmelden" }).waitFor();
    assert.match(await second.locator(".patron").textContent(), /Neuigkeiten und Angebote/);
    // The first widget keeps the page's language.
    await widget(page).first().getByRole("button", { name: "Sign up" }).waitFor();
    await page.close();
  });
});

describe("signup widget on other origins", () => {
  test("works on a hostile page of a second origin the site allows", async () => {
    const shop = await startShop(patron.url, { widgets: ["signup"] });
    try {
      patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
      const page = await strictPage(browser);
      await page.goto(shop.url);
      await fillSignup(page, { first: "Jan", last: "de Vries", email: "jan@shop.example", consent: true });
      await widget(page).getByRole("status").waitFor();
      assert.equal(await widget(page).getByRole("status").textContent(), "Thank you for signing up!");
      // The host page's CSS still applies to its own elements and not to the widget's.
      assert.equal(await page.locator("#host-input").isVisible(), false);
      const list = await customers("jan@shop.example");
      assert.equal(list.total, 1);
      assert.equal(list.rows[0].newsletter, "Granted");
      assert.deepEqual(page.problems, []);
      await page.close();
    } finally {
      await shop.stop();
    }
  });

  test("is styled, keeps its honeypot out of sight and stores a signup under the README's strict CSP", async () => {
    // Exactly the directives the README lists, and nothing else from anywhere.
    const csp = "default-src 'none'; script-src {{PATRON}} 'wasm-unsafe-eval'; connect-src {{PATRON}}; " +
      "img-src 'self' data:; style-src 'self'";
    const shop = await startShop(patron.url, { widgets: ["signup"], csp });
    try {
      patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
      const page = await strictPage(browser);
      const violations = [];
      page.on("console", (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
      await page.goto(shop.url);
      const button = widget(page).getByRole("button", { name: "Sign up" });
      await button.waitFor();
      // The widget's stylesheet applied: its button is not the browser's default grey one.
      const background = await button.evaluate((b) => getComputedStyle(b).backgroundColor);
      assert.notEqual(background, "rgb(239, 239, 239)", "the widget's styles were blocked");
      assert.notEqual(background, "rgba(0, 0, 0, 0)");
      // The honeypot is neither seen nor reachable, stylesheet or not.
      const honeypot = widget(page).locator("#website");
      assert.equal(await honeypot.isVisible(), false);
      assert.equal(await honeypot.evaluate((el) => el.closest("[hidden]") !== null && el.closest("[inert]") !== null), true);
      await fillSignup(page, { first: "Ines", email: "ines@strict.example", consent: true });
      await widget(page).getByRole("status").waitFor();
      assert.equal((await customers("ines@strict.example")).total, 1);
      assert.deepEqual(violations, []);
      assert.deepEqual(page.problems, []);
      await page.close();
    } finally {
      await shop.stop();
    }
  });

  test("is refused on an origin the site does not allow, and stores nothing", async () => {
    const shop = await startShop(patron.url, { widgets: ["signup"] });
    try {
      const before = (await customers()).total;
      // The browser reports the refused cross-origin call itself; that is the point here.
      const page = await strictPage(browser, [/CORS|Failed to load resource|ERR_FAILED/]);
      await page.goto(shop.url);
      await widget(page).getByRole("alert").waitFor();
      assert.match(await widgetText(page), /not available/);
      // Straight to the endpoint, as a script on that page would: refused, nothing stored.
      const res = await page.evaluate(async (patronUrl) => {
        const r = await fetch(`${patronUrl}/s/demo/w/signup`, {
          method: "POST",
          mode: "no-cors",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "form[email]=mallory@evil.example&form[consent]=false",
        });
        return r.type;
      }, patron.url);
      assert.equal(res, "opaque");
      assert.equal((await customers()).total, before);
      await page.close();
    } finally {
      await shop.stop();
    }
  });
});
