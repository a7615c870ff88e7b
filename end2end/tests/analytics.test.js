// Page-path analytics in real Chromium: a visitor browses the demo shop (a link, a
// single-page-app pushState navigation, another link) and leaves; each page is recorded
// with its referrer and the time it was visible, and no cookie is set.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, startPatron, stopPatronAndBrowser, withOldPrototype } from "./harness.js";

// Headless Chromium says "HeadlessChrome" in its user agent, which the ingest drops as a
// bot; a visitor's browser says Chrome. A browser-wide switch, because the beacons sent
// while a page unloads do not carry a per-page override.
const PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

let patron, browser;
before(async () => {
  patron = await startPatron();
  browser = await launchBrowser([`--user-agent=${PERSON}`]);
});
after(() => stopPatronAndBrowser(patron, browser));

test("a visit's path, referrer and time on page are recorded without cookies", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(`${patron.url}/demo?utm_source=newsletter&email=ann@example.com`, { referer: "https://www.example.org/blog" });
  await page.waitForTimeout(1200);
  await page.getByRole("link", { name: "After checkout" }).click();
  await page.waitForURL(/\/demo\/thanks$/);
  await page.waitForTimeout(800);
  await page.evaluate(() => history.pushState({}, "", "/demo/thanks/step-2"));
  await page.waitForTimeout(600);
  await page.getByRole("link", { name: "Privacy" }).click();
  await page.waitForURL(/\/demo\/privacy$/);
  await page.evaluate(() => window.patron.track("read policy", { section: "rights" }));
  await page.waitForTimeout(300);
  await page.close();
  await context.close();

  // The last beacons travel after the page is gone, and the server moves what it was sent
  // from its inbox into the reports a moment after answering: give them both a moment.
  let rows = [];
  const waiting = () => patron.sql("SELECT count(*) AS n FROM analytics_inbox")[0].n;
  for (let i = 0; i < 50 && (rows.filter((r) => r.duration_ms !== null).length < 4 || waiting() > 0); i++) {
    await new Promise((ok) => setTimeout(ok, 100));
    rows = patron.sql("SELECT path, referrer, utm_source, duration_ms, visitor FROM page_views ORDER BY id");
  }
  assert.deepEqual(rows.map((r) => r.path), ["/demo", "/demo/thanks", "/demo/thanks/step-2", "/demo/privacy"]);
  assert.equal(rows[0].referrer, "example.org");
  assert.equal(rows[0].utm_source, "newsletter");
  assert.deepEqual(rows.slice(1).map((r) => r.referrer), ["", "", ""], "moves inside the shop are not referrals");
  assert.ok(rows[0].duration_ms >= 1000 && rows[0].duration_ms < 10000, `first page: ${rows[0].duration_ms} ms`);
  assert.ok(rows[2].duration_ms >= 400, `after pushState: ${rows[2].duration_ms} ms`);
  assert.equal(new Set(rows.map((r) => r.visitor)).size, 1, "one visitor");
  assert.deepEqual(patron.sql("SELECT name, props, path FROM analytics_events"),
    [{ name: "read policy", props: '{"section":"rights"}', path: "/demo/privacy" }]);
  assert.deepEqual(await context.cookies().catch(() => []), []);
  assert.deepEqual(problems, []);

  // The owner sees the visit in the admin's analytics.
  patron.cli(["admin", "create", "--email", "owner@bakery.example"], "a long owner passphrase\n");
  const admin = await browser.newPage();
  await admin.goto(`${patron.url}/admin/login`);
  await admin.waitForSelector("html[data-hydrated]", { state: "attached" });
  await admin.getByLabel("Email").fill("owner@bakery.example");
  await admin.getByLabel("Password").fill("a long owner passphrase");
  await admin.getByRole("button", { name: "Sign in" }).click();
  await admin.waitForURL(/\/admin\/customers$/);
  await admin.waitForSelector("html[data-hydrated]", { state: "attached" });
  await admin.getByRole("link", { name: "Analytics" }).click();
  await admin.locator('[data-stat="views"]', { hasText: "4" }).waitFor();
  assert.equal(await admin.locator('[data-stat="visits"]').textContent(), "1");
  const first = admin.locator('tr[data-path="/demo"] td');
  assert.equal(await first.nth(4).textContent(), "1", "an entry page");
  assert.match(await first.nth(3).textContent(), /^\d+ s$/);
  await admin.locator(".counts td", { hasText: "example.org" }).waitFor();
  assert.equal(await admin.locator("svg.chart rect").count(), 30);
  // A readable chart: a value axis from 0 to at least the day's 4 views, the days under the
  // columns without overlapping, the value on hover, every figure in a table for screen readers.
  const chart = admin.locator("figure.chart-box");
  const ticks = (await chart.locator("text.tick").allTextContents()).map(Number);
  assert.equal(ticks[0], 0);
  assert.ok(ticks.at(-1) >= 4 && ticks.length >= 3, `ticks ${ticks}`);
  const labels = await chart.locator("text.label").evaluateAll((els) => els.map((e) => { const b = e.getBBox(); return { x: b.x, width: b.width }; }));
  assert.ok(labels.length >= 3, "days are named under the columns");
  for (let i = 1; i < labels.length; i++) assert.ok(labels[i].x > labels[i - 1].x + labels[i - 1].width, "labels overlap");
  const last = chart.locator("g.column").last();
  await last.hover();
  assert.equal(await last.locator("text.value").evaluate((e) => getComputedStyle(e).opacity), "1");
  assert.equal(await last.locator("text.value").textContent(), "4");
  assert.equal(await chart.locator("table.sr-only tbody tr").count(), 30);
  assert.deepEqual(await chart.locator("table.sr-only th").allTextContents(), ["Day", "Page views"]);
  const goal = admin.locator('tr[data-goal="read policy"] td');
  assert.deepEqual(await goal.allTextContents(), ["read policy", "1", "1", "100 %"]);
  assert.match(await admin.locator('[data-list="exits"]').textContent(), /\/demo\/privacy \(100 %\)/);

  // The path explorer, from the first page: three steps of the visit, then nothing.
  await admin.locator('tr[data-path="/demo"] a').click();
  await admin.waitForURL(/start=\/demo(&|#|$)/);
  const thanks = admin.locator('.tree > li[data-path="/demo/thanks"]');
  await thanks.waitFor();
  const third = thanks.locator(':scope > ul > li[data-path="/demo/thanks/step-2"] > ul > li[data-path="/demo/privacy"]');
  assert.equal(await third.getAttribute("data-count"), "1");
  assert.match(await thanks.locator(":scope > .step").textContent(), /1 · 100 %/);

  // Today only, by the preset link; then by typing the period.
  await admin.locator(".presets").getByRole("link", { name: "Today" }).click();
  await admin.waitForURL(/days=1/);
  await admin.waitForFunction(() => document.querySelectorAll("svg.chart rect").length === 1);
  const today = new Date().toISOString().slice(0, 10);
  await admin.getByLabel("From").fill(today);
  await admin.getByLabel("To").fill(today);
  await admin.getByRole("button", { name: "Show", exact: true }).click();
  await admin.waitForURL(new RegExp(`from=${today}`));
  await admin.locator('[data-stat="views"]', { hasText: "4" }).waitFor();
  await admin.close();
});

test("a page whose old library gives arrays a toJSON still has each view recorded", async () => {
  const context = await browser.newContext();
  // The tracker sends a leave report and the next view as one list.
  await withOldPrototype(context);
  const page = await context.newPage();
  const earlier = patron.sql("SELECT coalesce(max(id), 0) AS id FROM page_views")[0].id;
  await page.goto(`${patron.url}/demo/privacy?old-library`);
  await page.waitForTimeout(300);
  await page.evaluate(() => history.pushState({}, "", "/demo/privacy/old-library"));
  await page.waitForTimeout(300);
  await page.close();
  await context.close();
  let rows = [];
  for (let i = 0; i < 50 && (rows.length < 2 || rows[0].duration_ms === null); i++) {
    await new Promise((ok) => setTimeout(ok, 100));
    rows = patron.sql(`SELECT path, duration_ms FROM page_views WHERE id > ${earlier} ORDER BY id`);
  }
  assert.deepEqual(rows.map((r) => r.path), ["/demo/privacy", "/demo/privacy/old-library"], "both views");
  assert.ok(rows[0].duration_ms >= 200, `the first view's time on page: ${rows[0].duration_ms} ms`);
});
