// The admin's frame in real Chromium at a laptop's, a tablet's and a phone's width: links
// grouped by job in a sidebar, a Menu button on the smaller screens that opens the same
// links and closes on the next page, the signed-in person and sign-out always reachable,
// and no page scrolling sideways at 1280 px.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { gotoAdmin, sideways, signIn, signedInPage, startPatronAndBrowser, stopPatronAndBrowser, strictPage } from "./harness.js";

let patron, browser;
before(async () => ({ patron, browser } = await startPatronAndBrowser()));
after(() => stopPatronAndBrowser(patron, browser));

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };
const shots = process.env.E2E_SHOTS;
/** The menu's links as the owner sees them, `[label, href]`: found by the first test. */
let links = [];

test("on a laptop every page is one click away in a group, and none scrolls sideways", async () => {
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
  const page = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await page.setViewportSize({ width: 1280, height: 800 });
  const nav = page.getByRole("navigation", { name: "Admin" });
  await nav.locator(".nav-title").first().waitFor();
  assert.deepEqual(await nav.locator(".nav-title").allTextContents(), ["Sell", "Customers", "Insight", "Privacy", "Settings"]);
  links = await nav.getByRole("link").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
  assert.equal(links.length, 18, JSON.stringify(links));
  const wide = [];
  for (const [label, href] of links) {
    await nav.getByRole("link", { name: label, exact: true }).click();
    await page.waitForURL((url) => url.pathname === href);
    await page.locator("main h1").first().waitFor();
    assert.equal(await nav.getByRole("link", { name: label, exact: true }).getAttribute("aria-current"), "page");
    const over = await sideways(page);
    if (over > 0) wide.push(`${href} +${over}px`);
    if (shots) await page.screenshot({ path: `${shots}/admin${href.replaceAll("/", "-")}-1280.png` });
  }
  assert.deepEqual(wide, [], "pages wider than the window");
  // The signed-in person and the way out are on every page.
  await page.getByRole("link", { name: /owner@bakery\.example · owner/ }).waitFor();
  await page.getByRole("button", { name: "Sign out", exact: true }).waitFor();
  assert.deepEqual(page.problems, []);
});

test("on a tablet and a phone every page fits the width and hydrates", async () => {
  const page = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  assert.equal(links.length, 18, "the first test found the links");
  const wide = [];
  for (const [width, height] of [[820, 1180], [390, 844]]) {
    await page.setViewportSize({ width, height });
    for (const [, href] of links) {
      await gotoAdmin(page, patron.url + href);
      await page.locator("main h1").first().waitFor();
      const over = await sideways(page);
      if (over > 0) wide.push(`${href} at ${width}: +${over}px`);
      if (shots) await page.screenshot({ path: `${shots}/admin${href.replaceAll("/", "-")}-${width}.png`, fullPage: true });
    }
  }
  assert.deepEqual(wide, [], "pages wider than the window");
  assert.deepEqual(page.problems, []);
});

test("on a tablet and a phone the Menu button opens the links and the next page closes them", async () => {
  const page = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  for (const [width, height] of [[820, 1180], [390, 844]]) {
    await page.setViewportSize({ width, height });
    const menu = page.getByRole("button", { name: "Menu" });
    const customers = page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Customers", exact: true });
    assert.equal(await menu.getAttribute("aria-expanded"), "false");
    assert.equal(await customers.isVisible(), false, `${width}: the links wait behind Menu`);
    if (shots) await page.screenshot({ path: `${shots}/admin-shell-closed-${width}.png` });
    await menu.click();
    assert.equal(await menu.getAttribute("aria-expanded"), "true");
    await page.getByRole("button", { name: "Sign out", exact: true }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/admin-shell-open-${width}.png` });
    await customers.click();
    await page.waitForURL(/\/admin\/customers$/);
    await page.waitForFunction(() => document.querySelector(".menu-toggle")?.getAttribute("aria-expanded") === "false");
    assert.equal(await customers.isVisible(), false, `${width}: closed again on the next page`);
    assert.equal(await sideways(page), 0, `${width}: the customers page fits`);
    await page.getByRole("link", { name: "Patron" }).click();
    await page.waitForURL(/\/admin$/);
  }
  assert.deepEqual(page.problems, []);
});

test("staff see the pages their role opens, grouped the same way", async () => {
  const owner = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await owner.getByRole("link", { name: "Staff", exact: true }).click();
  await owner.getByLabel("Email").fill("till@bakery.example");
  await owner.getByLabel("Invite as").selectOption("staff");
  await owner.getByRole("button", { name: "Make invitation link" }).click();
  const link = await owner.getByLabel("Invitation link").inputValue();
  const page = await strictPage(browser);
  await gotoAdmin(page, link);
  await page.getByLabel(/Password/).fill("the till's own passphrase");
  await page.getByRole("button", { name: "Join" }).click();
  await page.waitForURL(/\/admin$/);
  const nav = page.getByRole("navigation", { name: "Admin" });
  await nav.locator(".nav-title").first().waitFor();
  assert.deepEqual(await nav.locator(".nav-title").allTextContents(), ["Sell", "Customers"]);
  assert.deepEqual(await nav.getByRole("link").allTextContents(), ["Today", "Till", "Reservations", "Customers"]);
  assert.deepEqual(page.problems, []);
});

test("the site is chosen once in the frame, remembered, and the pages follow it", async () => {
  const page = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  // One site: its name, no choice to make.
  assert.equal(await page.locator(".side-site").textContent(), "Demo Bakery");
  const cookie = await signIn(patron.url, OWNER.email, OWNER.password);
  const res = await fetch(`${patron.url}/api/admin/create_site`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: patron.url, cookie },
    body: new URLSearchParams({ "form[key]": "bikes", "form[name]": "Bike shop", "form[privacy_policy_url]": "/privacy",
      "form[default_language]": "en", "form[consent_text]": "Yes, send me news." }),
  });
  assert.equal(res.status, 200, await res.text());
  await gotoAdmin(page, `${patron.url}/admin/segments`);
  const choice = page.locator(".side-site select");
  assert.equal(await choice.inputValue(), "bikes", "nothing chosen yet: the first by name");
  assert.equal(await page.locator("input[aria-label='Site key']").count(), 0, "no key typed anywhere");
  await page.locator(".segment-count strong[data-count='0']").waitFor();
  // Once kept, the page is loaded again: wait for that load (the select shows "demo" at once,
  // before the server has kept anything).
  await Promise.all([page.waitForEvent("framenavigated"), choice.selectOption("demo")]);
  await page.waitForSelector("html[data-hydrated]", { state: "attached" });
  assert.equal(await choice.inputValue(), "demo");
  await page.locator(".segment-count strong").first().waitFor();
  assert.equal(patron.sql("SELECT s.site_key FROM staff_users u JOIN sites s ON s.id = u.site_id")[0].site_key, "demo");
  // Remembered on the account: another browser of the same person opens on it.
  const other = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await gotoAdmin(other, `${patron.url}/admin/products`);
  assert.equal(await other.locator(".side-site select").inputValue(), "demo");
  if (shots) await other.screenshot({ path: `${shots}/admin-site-switcher-1280.png` });
  assert.deepEqual(page.problems, []);
  assert.deepEqual(other.problems, []);
});
