// Progressive profiling in real Chromium: nothing for an unknown visitor; after signing up
// on this browser, the next two questions of the site's list.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startPatronAndBrowser, stopPatronAndBrowser, strictPage } from "./harness.js";

let patron, browser;
before(async () => ({ patron, browser } = await startPatronAndBrowser()));
after(() => stopPatronAndBrowser(patron, browser));

test("a known visitor is asked a little at a time; an unknown one nothing", async () => {
  const page = await strictPage(browser, [/status of 422/]);
  await page.goto(`${patron.url}/demo`);
  const signup = page.locator('[data-patron="signup"]');
  await signup.getByRole("button", { name: "Sign up" }).waitFor();
  const profile = page.locator('[data-patron="profile"] .patron');
  assert.equal(await profile.locator("form").count(), 0, "unknown visitor: nothing asked");
  assert.equal((await profile.textContent()).trim(), "");

  await signup.getByLabel("Email", { exact: true }).fill("noor@example.nl");
  await signup.getByRole("button", { name: "Sign up" }).click();
  await signup.getByRole("status").waitFor();

  await page.reload();
  await profile.getByLabel("Your birthday").waitFor();
  assert.equal(await profile.locator("label").count(), 2, "two questions at a time");
  await profile.getByLabel("Postcode").fill("#");
  await profile.getByRole("button", { name: "Save" }).click();
  assert.equal(await profile.locator("#postcode-error").textContent(), "This is too short.");
  await profile.getByLabel("Postcode").fill("3511 ab");
  await profile.getByLabel("Your birthday").fill("1991-04-12");
  await profile.getByRole("button", { name: "Save" }).click();
  await profile.getByRole("status").waitFor();
  assert.deepEqual(patron.sql("SELECT email, birthday, postcode FROM customers").filter((c) => c.email === "noor@example.nl"), [
    { email: "noor@example.nl", birthday: "1991-04-12", postcode: "3511 AB" },
  ]);

  await page.reload();
  await profile.getByLabel("How many people live in your household?").waitFor();
  await profile.getByLabel("Yearly household income").selectOption("rather_not_say");
  await profile.getByRole("button", { name: "Save" }).click();
  await profile.getByRole("status").waitFor();
  assert.deepEqual(patron.sql("SELECT income_range, household_size FROM customers"), [
    { income_range: "rather_not_say", household_size: null },
  ]);
  assert.deepEqual(page.problems, []);
});
