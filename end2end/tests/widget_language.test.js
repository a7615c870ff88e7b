// The widgets' language on a shop's page: the page's where the site writes its own texts in
// it, else the site's default, never the labels in one language and the shop's words in another.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { signIn, startPatronAndBrowser, startShop, stopPatronAndBrowser, strictPage } from "./harness.js";

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };
let patron, browser;
before(async () => {
  ({ patron, browser } = await startPatronAndBrowser());
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
});
after(() => stopPatronAndBrowser(patron, browser));

const FINNISH = /Tilaa|Sähköposti|Lähetä|Kuinka todennäköisesti/;

test("a Finnish page of a site that writes Finnish gets Finnish widgets", async () => {
  const shop = await startShop(patron.url, { lang: "fi", widgets: ["signup", "nps"] });
  try {
    patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
    const page = await strictPage(browser);
    await page.goto(shop.url);
    await page.locator('[data-patron="signup"]').getByRole("button", { name: "Tilaa" }).waitFor();
    await page.locator('[data-patron="nps"]').getByRole("button", { name: "Lähetä" }).waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await shop.stop();
  }
});

test("a Finnish page of a site without Finnish texts shows only the site's default language", async () => {
  const cookie = await signIn(patron.url, OWNER.email, OWNER.password);
  const res = await fetch(`${patron.url}/api/admin/create_site`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: patron.url, cookie },
    body: new URLSearchParams({ "form[key]": "bikes", "form[name]": "Bike shop", "form[privacy_policy_url]": "/privacy",
      "form[default_language]": "en", "form[consent_text]": "Yes, send me the bike shop's news." }),
  });
  assert.equal(res.status, 200, await res.text());
  const shop = await startShop(patron.url, { site: "bikes", lang: "fi-FI", widgets: ["signup", "nps"] });
  try {
    patron.cli(["site", "allow-origin", "--site", "bikes", "--origin", shop.url]);
    const page = await strictPage(browser);
    await page.goto(shop.url);
    const signup = page.locator('[data-patron="signup"]');
    await signup.getByRole("button", { name: "Sign up" }).waitFor();
    assert.match(await signup.locator(".patron").textContent(), /Yes, send me the bike shop's news\./);
    const nps = page.locator('[data-patron="nps"]');
    await nps.getByText(/How likely are you to recommend us/).waitFor();
    for (const w of [signup, nps]) assert.doesNotMatch(await w.locator(".patron").textContent(), FINNISH);
    // What the visitor sends is stored in the language they were shown.
    await nps.getByRole("radio", { name: "9" }).check();
    await nps.getByRole("button", { name: "Send" }).click();
    await nps.getByText("Thank you for your answer!").waitFor();
    assert.deepEqual(patron.sql("SELECT language FROM nps_responses"), [{ language: "en" }]);
    assert.deepEqual(page.problems, []);
  } finally {
    await shop.stop();
  }
});
