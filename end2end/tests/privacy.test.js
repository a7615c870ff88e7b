// The privacy policy, retention and consents in person, in real Chromium: the owner adds
// their words to the generated policy and changes the retention rules on the site's
// settings page, a visitor reads the new version; staff record a consent given at the till
// on a customer's record, which names the policy version it was given under.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { gotoAdmin, launchBrowser, signedInPage, startPatron, stopPatronAndBrowser, strictPage } from "./harness.js";

let patron, browser;
before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["admin", "create", "--email", "owner@bakery.example"], "a long owner passphrase\n");
});
after(() => stopPatronAndBrowser(patron, browser));

test("the owner publishes the policy and changes retention; a visitor reads the new version", async () => {
  const page = await signedInPage(browser, patron.url, "owner@bakery.example", "a long owner passphrase");
  await gotoAdmin(page, `${patron.url}/admin/sites/demo?section=privacy`);

  const form = page.locator("#privacy-policy");
  await form.getByLabel("Who you are and how to reach you").fill("Demo Bakery Ltd, 1 Mill Lane, Utrecht\n\nWrite to privacy@bakery.example");
  await form.getByRole("button", { name: "Publish" }).click();
  await page.locator("[data-policy-version='2']").waitFor();

  const retention = page.locator("#retention");
  await retention.getByLabel(/Delete page views and events after/).fill("0");
  await retention.getByRole("button", { name: "Save retention" }).click();
  await retention.locator('[data-field="AnalyticsMonths"]').filter({ hasText: "Please choose one of the given values." }).waitFor();
  await retention.getByLabel(/Delete page views and events after/).fill("6");
  await retention.getByRole("button", { name: "Save retention" }).click();
  await page.locator("[data-policy-version='3']").waitFor();
  assert.deepEqual(patron.sql("SELECT analytics_months FROM retention_rules WHERE site_id = 1"), [{ analytics_months: 6 }]);

  await page.getByRole("button", { name: "Apply now" }).click();
  await page.locator("[data-retention-last]").filter({ hasText: "Last applied:" }).waitFor();

  const visitor = await browser.newPage();
  await visitor.goto(`${patron.url}/p/demo/privacy`);
  await visitor.getByRole("heading", { name: "Privacy at Demo Bakery" }).waitFor();
  const text = await visitor.locator("main").textContent();
  assert.match(text, /Version 3, in force since/);
  assert.match(text, /Write to privacy@bakery\.example/);
  assert.match(text, /Page visits and other events: 6 months/);
  await visitor.getByRole("link", { name: /Ask for your data/ }).click();
  await visitor.waitForURL(/\/p\/demo\/privacy\/request\?lang=en$/);
  await visitor.close();
});

test("staff record a consent given at the till, with the policy version in force", async () => {
  const page = await signedInPage(browser, patron.url, "owner@bakery.example", "a long owner passphrase");
  const id = await page.evaluate(async () => {
    const res = await fetch("/api/admin/create_customer", {
      method: "POST",
      body: new URLSearchParams({ "form[site]": "demo", "form[first_name]": "Saskia", "form[last_name]": "Visser", "form[phone]": "06 5550 1234" }),
    });
    return res.json();
  });
  await gotoAdmin(page, `${patron.url}/admin/customers/${id}?part=privacy`);
  await page.locator('[data-consent="post"]').filter({ hasText: "never asked" }).waitFor();

  const form = page.locator(".consent-form");
  await form.getByLabel("Purpose").selectOption("post");
  await form.getByLabel("How (kept as the consent's wording)").fill("Said yes to letters by post at the till");
  await form.getByRole("button", { name: "Record consent" }).click();
  await page.locator('[data-consent="post"]').filter({ hasText: "given" }).waitFor();
  const version = patron.sql("SELECT max(version) AS v FROM privacy_policies WHERE site_id = 1")[0].v;
  await page.getByRole("link", { name: `privacy policy version ${version}` }).waitFor();
  assert.deepEqual(
    patron.sql(`SELECT purpose, granted, body, source, policy_version FROM consents WHERE customer_id = ${id}`),
    [{ purpose: "post", granted: 1, body: "Said yes to letters by post at the till", source: "admin", policy_version: version }],
  );
});

test("the policy in the reader's language: Russian from the browser, Dutch from the link", async () => {
  const russian = await strictPage(browser, [], { locale: "ru-RU" });
  await russian.goto(`${patron.url}/p/demo/privacy`);
  await russian.getByRole("heading", { name: "Конфиденциальность — Demo Bakery" }).waitFor();
  assert.equal(await russian.locator("html").getAttribute("lang"), "ru");
  const text = await russian.locator("main").textContent();
  assert.match(text, /Что мы собираем и зачем/);
  assert.match(text, /Посещения страниц и другие события: \d+ мес\./);
  assert.doesNotMatch(text, /What we collect|Your rights/);
  // Its link to the data requests keeps the language.
  await russian.getByRole("link", { name: /Запросить свои данные/ }).click();
  await russian.getByRole("heading", { name: "Ваши данные в Demo Bakery" }).waitFor();

  const dutch = await strictPage(browser, [], { locale: "en-US" });
  await dutch.goto(`${patron.url}/p/demo/privacy?lang=nl`);
  await dutch.getByRole("heading", { name: "Privacy bij Demo Bakery" }).waitFor();
  assert.match(await dutch.locator("main").textContent(), /Wat we verzamelen en waarom.*Uw rechten/s);
  // An earlier version is read in the same language, and so is the way back to the current one.
  await dutch.goto(`${patron.url}/p/demo/privacy?version=1&lang=nl`);
  await dutch.getByRole("link", { name: "lees de geldende versie" }).click();
  await dutch.getByRole("heading", { name: "Privacy bij Demo Bakery" }).waitFor();
  for (const [name, page] of [["ru", russian], ["nl", dutch]]) {
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(fits, `${name}: nothing runs sideways`);
    assert.deepEqual(page.problems, []);
  }
  if (process.env.E2E_SHOTS) await dutch.screenshot({ path: `${process.env.E2E_SHOTS}/privacy-nl-1280.png`, fullPage: true });
});
