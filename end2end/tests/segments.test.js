// Segments in real Chromium: a manager builds "women who spent over 100 in the last 30
// days" rule by rule, watches the count follow, corrects a bad value, saves the segment,
// exports it as CSV, and opens the dormant list. Every count is checked against the
// same question asked of the database directly.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { euros, launchBrowser, signedInPage, startPatron, stopPatronAndBrowser } from "./harness.js";

let patron, browser;
before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["seed", "--customers", "400", "--purchases", "6000", "--events", "0"]);
  patron.cli(["admin", "create", "--email", "owner@bakery.example"], "a long owner passphrase\n");
});
after(() => stopPatronAndBrowser(patron, browser));

const one = (query) => Object.values(patron.sql(query)[0])[0];
// "The last N days" are today (UTC) and the N - 1 days before: from that first day's start.
const since = (days) => `date('now', '-${days - 1} days')`;

const signIn = () => signedInPage(browser, patron.url, "owner@bakery.example", "a long owner passphrase");

/** Waits until the page shows `expected` matching customers. */
async function countIs(page, expected) {
  await page.locator(`.segment-count strong[data-count="${expected}"]`).waitFor();
}

test("build, correct, save and export a segment", async () => {
  const page = await signIn();
  await page.getByRole("link", { name: "Segments" }).click();
  await page.waitForURL(/\/admin\/segments$/);
  await countIs(page, 400);

  await page.getByRole("button", { name: "+ Rule" }).click();
  const women = one("SELECT count(*) FROM customers WHERE gender = 'female'");
  assert.ok(women > 100 && women < 300, `${women} women`);
  await countIs(page, women);

  await page.getByRole("button", { name: "+ Rule" }).click();
  await page.getByLabel("Rule 2 looks at").selectOption("spent");
  await page.getByLabel("Rule 2 test").selectOption("gt");
  await page.getByLabel("Rule 2 value").fill("1OO");
  await page.getByLabel("Rule 2 value").press("Tab");
  await page.locator('[data-rule="2"] [role="alert"]', { hasText: "an amount" }).waitFor();
  await page.getByText("Correct the marked rules").waitFor();
  await page.getByLabel("Rule 2 value").fill("100");
  await page.getByLabel("Rule 2 value").press("Tab");
  await page.getByLabel("Rule 2 second value").fill("30");
  await page.getByLabel("Rule 2 second value").press("Tab");
  const expected = one(`SELECT count(*) FROM customers WHERE gender = 'female' AND id IN
    (SELECT customer_id FROM purchases WHERE created_at >= ${since(30)} GROUP BY customer_id HAVING sum(total_minor) > 10000)`);
  assert.ok(expected > 0 && expected < women, `${expected} of ${women}`);
  await countIs(page, expected);
  assert.equal(await page.locator('[data-rule] [role="alert"]').count(), 0);

  // Biggest spenders first: the first row's spend is the largest of the segment.
  await page.getByRole("button", { name: "Spent" }).click();
  await page.getByRole("button", { name: "Spent ↓" }).waitFor();
  const top = one(`SELECT max(s) FROM (SELECT sum(total_minor) s FROM purchases WHERE customer_id IN
    (SELECT customer_id FROM purchases WHERE created_at >= ${since(30)} GROUP BY customer_id HAVING sum(total_minor) > 10000)
    AND customer_id IN (SELECT id FROM customers WHERE gender = 'female') GROUP BY customer_id)`);
  await page.locator("table.segment tbody tr").first().locator("td", { hasText: euros(top) }).waitFor();

  await page.getByLabel("Segment name").fill("Women spending");
  await page.getByLabel("Segment name").press("Tab");
  await page.getByRole("button", { name: "Save segment" }).click();
  await page.locator('[data-segment="Women spending"]').waitFor();
  assert.equal(one("SELECT count(*) FROM segments WHERE name = 'Women spending'"), 1);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = readFileSync(await download.path(), "utf8").trimEnd().split("\r\n");
  assert.equal(csv[0], '"First name","Last name","Email","Phone"');
  assert.equal(csv.length, expected + 1);

  // A fresh page loads the saved segment back into the builder.
  await page.reload();
  await page.waitForSelector("html[data-hydrated]", { state: "attached" });
  await countIs(page, 400);
  await page.getByRole("button", { name: "Women spending", exact: true }).click();
  await countIs(page, expected);
  assert.equal(await page.getByLabel("Rule 2 second value").inputValue(), "30");
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/segments.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the dormant list follows the site's rule", async () => {
  const page = await signIn();
  await page.getByRole("link", { name: "Dormant" }).click();
  await page.waitForURL(/\/admin\/dormant$/);
  const dormant = (days) => one(`SELECT count(*) FROM customers c WHERE
    (SELECT max(created_at) FROM purchases WHERE customer_id = c.id) < ${since(days)}`);
  await countIs(page, dormant(30));
  // The count follows the box as it is typed, before the field is left or the rule saved.
  await page.getByLabel("Days without a purchase").fill("90");
  assert.notEqual(dormant(90), dormant(30));
  await countIs(page, dormant(90));
  await page.getByText("Not saved yet.").waitFor();
  assert.equal(one("SELECT dormant_days FROM sites WHERE site_key = 'demo'"), 30);
  await page.getByRole("button", { name: "Save rule" }).click();
  await page.getByText("Not saved yet.").waitFor({ state: "detached" });
  await countIs(page, dormant(90));
  assert.equal(one("SELECT dormant_days FROM sites WHERE site_key = 'demo'"), 90);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the reports count the seeded survey answers", async () => {
  const page = await signIn();
  await page.getByRole("link", { name: "Reports" }).click();
  await page.waitForURL(/\/admin\/reports$/);
  await page.locator(".presets").getByRole("link", { name: "365 days" }).click();
  await page.waitForURL(/days=365/);
  const inYear = `site_id = 1 AND created_at >= date('now', '-364 days')`;
  const promoters = one(`SELECT count(*) FROM nps_responses WHERE ${inYear} AND score >= 9`);
  const detractors = one(`SELECT count(*) FROM nps_responses WHERE ${inYear} AND score <= 6`);
  assert.ok(promoters > 0 && detractors > 0);
  await page.locator('[data-stat="promoters"]', { hasText: String(promoters) }).waitFor();
  assert.equal(await page.locator('[data-stat="detractors"]').textContent(), String(detractors));
  assert.ok(await page.locator("svg.chart rect").count() > 40, "weekly bars");
  assert.equal(await page.locator('tr[data-reason]').count(), 4);
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/reports.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});
