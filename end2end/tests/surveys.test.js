// The survey widgets in real Chromium: rank your reasons (keyboard only, and drag and drop),
// NPS, how did you hear; on the demo checkout page and on a Dutch page of another origin.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startPatronAndBrowser, startShop, stopPatronAndBrowser, strictPage } from "./harness.js";

let patron, browser;
before(async () => ({ patron, browser } = await startPatronAndBrowser()));
after(() => stopPatronAndBrowser(patron, browser));

const rankedCodes = () =>
  patron.sql(`SELECT o.code FROM reason_ranking_items i JOIN question_options o ON o.id = i.option_id
              WHERE i.ranking_id = (SELECT max(id) FROM reason_rankings) ORDER BY i.rank`).map((r) => r.code);
const shownOrder = (widget) => widget.locator(".patron-rank-item").evaluateAll((els) => els.map((e) => e.dataset.option));

describe("on the demo checkout page", () => {
  test("reasons are ranked with the keyboard alone", async () => {
    const page = await strictPage(browser);
    await page.goto(`${patron.url}/demo/thanks`);
    const w = page.locator('[data-patron="reasons"]');
    await w.locator(".patron-rank-item").first().waitFor();
    assert.deepEqual(await shownOrder(w), ["convenience", "low_price", "best_quality", "best_choice"]);

    // Tab into the list: the first item takes focus; arrows move the focused item.
    // Start from the text just before the widget, as a keyboard user reading down would.
    await page.getByText("Thank you for your order!").click();
    await page.keyboard.press("Tab");
    assert.equal(await w.locator(".patron-rank-item:focus").getAttribute("data-option"), "convenience");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    assert.equal(await w.locator(".patron-rank-item:focus").getAttribute("data-option"), "convenience", "focus follows the item");
    assert.deepEqual(await shownOrder(w), ["low_price", "best_quality", "convenience", "best_choice"]);
    assert.match(await w.locator("[aria-live]").textContent(), /Convenience: 3\/4/);
    // Move "best_choice" to the top: focus it, press ArrowUp three times.
    await w.locator('[data-option="best_choice"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowUp");
    assert.deepEqual(await shownOrder(w), ["best_choice", "low_price", "best_quality", "convenience"]);
    // Submit with the keyboard too.
    await w.getByRole("button", { name: "Send" }).focus();
    await page.keyboard.press("Enter");
    await w.getByRole("status").waitFor();
    assert.deepEqual(rankedCodes(), ["best_choice", "low_price", "best_quality", "convenience"]);
    assert.deepEqual(page.problems, []);
  });

  test("reasons are ranked by drag and drop", async () => {
    const page = await strictPage(browser);
    await page.goto(`${patron.url}/demo/thanks`);
    const w = page.locator('[data-patron="reasons"]');
    await w.locator(".patron-rank-item").first().waitFor();
    await w.locator('[data-option="best_quality"]').dragTo(w.locator('[data-option="convenience"]'));
    assert.deepEqual(await shownOrder(w), ["best_quality", "convenience", "low_price", "best_choice"]);
    await w.getByRole("button", { name: "Send" }).click();
    await w.getByRole("status").waitFor();
    assert.deepEqual(rankedCodes(), ["best_quality", "convenience", "low_price", "best_choice"]);
  });

  test("an NPS score needs picking, then it is stored with the reason", async () => {
    const page = await strictPage(browser);
    await page.goto(`${patron.url}/demo/thanks`);
    const w = page.locator('[data-patron="nps"]');
    // On a phone every score is on the card, in reach of a thumb, and nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await w.getByText("10", { exact: true }).waitFor();
    const ten = await w.getByText("10", { exact: true }).boundingBox();
    const card = await w.boundingBox();
    assert.ok(ten.x + ten.width <= card.x + card.width && ten.width >= 40, JSON.stringify({ ten, card }));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
    if (process.env.E2E_SHOTS) await w.screenshot({ path: `${process.env.E2E_SHOTS}/nps-390.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await w.getByRole("button", { name: "Send" }).click();
    assert.equal(await w.locator("#score-error").textContent(), "Please fill this in.");
    await w.getByRole("radio", { name: "9" }).check();
    assert.equal(await w.locator("#score-error").textContent(), "");
    await w.getByLabel(/Why\?/).fill("Best cinnamon buns in town");
    await w.getByRole("button", { name: "Send" }).click();
    await w.getByRole("status").waitFor();
    assert.deepEqual(patron.sql("SELECT score, reason FROM nps_responses"), [{ score: 9, reason: "Best cinnamon buns in town" }]);
  });

  test("heard-about takes an option or the visitor's own words", async () => {
    const page = await strictPage(browser);
    await page.goto(`${patron.url}/demo/thanks`);
    const w = page.locator('[data-patron="heard"]');
    await w.getByRole("radio", { name: "Other:" }).check();
    await w.getByRole("button", { name: "Send" }).click();
    assert.equal(await w.locator("#other-error").textContent(), "Please fill this in.");
    await w.getByRole("textbox", { name: "Other:" }).fill("A podcast about bread");
    await w.getByRole("button", { name: "Send" }).click();
    await w.getByRole("status").waitFor();
    assert.deepEqual(patron.sql("SELECT option_id, other_text FROM heard_responses"), [
      { option_id: null, other_text: "A podcast about bread" },
    ]);
  });
});

test("on a Dutch page of another allowed origin every survey widget speaks Dutch and stores", async () => {
  const shop = await startShop(patron.url, { lang: "nl", widgets: ["reasons", "nps", "heard"] });
  try {
    patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
    const page = await strictPage(browser);
    await page.goto(shop.url);
    const reasons = page.locator('[data-patron="reasons"]');
    await reasons.getByText("Waarom heeft u vandaag bij ons gekocht?").waitFor();
    assert.match(await reasons.locator(".patron").textContent(), /Lage prijs/);
    await reasons.getByRole("button", { name: "Versturen" }).click();
    await reasons.getByText("Bedankt voor uw antwoord!").waitFor();

    const nps = page.locator('[data-patron="nps"]');
    await nps.getByText(/Hoe waarschijnlijk is het/).waitFor();
    await nps.getByRole("radio", { name: "6" }).check();
    await nps.getByRole("button", { name: "Versturen" }).click();
    await nps.getByText("Bedankt voor uw antwoord!").waitFor();

    const heard = page.locator('[data-patron="heard"]');
    await heard.getByRole("radio", { name: "Via een vriend of familielid" }).check();
    await heard.getByRole("button", { name: "Versturen" }).click();
    await heard.getByText("Bedankt voor uw antwoord!").waitFor();

    const stored = patron.sql(`SELECT
        (SELECT count(*) FROM reason_rankings WHERE language = 'nl') AS rankings,
        (SELECT count(*) FROM nps_responses WHERE language = 'nl' AND score = 6) AS nps,
        (SELECT count(*) FROM heard_responses WHERE language = 'nl') AS heard`);
    assert.deepEqual(stored, [{ rankings: 1, nps: 1, heard: 1 }]);
    assert.deepEqual(page.problems, []);
  } finally {
    await shop.stop();
  }
});
