// Loads one admin page many times in one signed-in browser and counts the loads that did
// not hydrate, printing the first console error (a hydration panic names where). Streamed
// pages can race their own data only now and then; one passing test run proves little.
//   node end2end/hydration-stress.mjs /admin/till 100
// THROTTLE=6 slows Chromium's CPU six times (a slow CI machine meets races a fast one hides).
// Uses the real target/release/patron and target/site, like the browser tests.
import { launchBrowser, signedInPage, startPatron, stopPatronAndBrowser } from "./tests/harness.js";

const [path = "/admin/till", times = "100"] = process.argv.slice(2);
const owner = { email: "owner@stress.example", password: "a long owner passphrase" };
const patron = await startPatron();
const browser = await launchBrowser();
try {
  patron.cli(["admin", "create", "--email", owner.email], owner.password + "\n");
  const page = await signedInPage(browser, patron.url, owner.email, owner.password);
  const throttle = Number(process.env.THROTTLE ?? 1);
  if (throttle > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  }
  let failed = 0;
  for (let i = 0; i < Number(times); i++) {
    await page.goto(patron.url + path);
    await page.waitForSelector("html[data-hydrated]", { state: "attached", timeout: 5000 }).catch(() => failed++);
  }
  console.log(`${path}: ${failed} of ${times} loads did not hydrate`);
  if (page.problems.length) console.log(page.problems[0]);
  process.exitCode = failed ? 1 : 0;
} finally {
  await stopPatronAndBrowser(patron, browser);
}
