// How soon a shop's visitor can type into the signup widget: from navigation to the widget's
// email field being there and live (the widget renders on the client, so a field that is
// there has its handlers), in Debian's Chromium with a cold cache, on a shop page of another
// origin (end2end/fixtures/shop.html) with Patron's own server on loopback. Two profiles:
// unthrottled, and a phone — 4× CPU slowdown and Lighthouse's "slow 4G" (150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up). Also the host page's first contentful paint on the phone,
// which the loader must not delay, beside the same page's without Patron. And the till
// (issue 32: usable ≤ 1 s after sign-in as a phone): a staff member signed in opens
// /admin/till with a cold cache, and the time runs from navigation to the page hydrated
// (its bundle, the till area's, fetched and run) with the search field there. Prints one
// line for scripts/bench:
//   INTERACTIVE fast_ms=… slow_ms=… slow_fcp_ms=… bare_fcp_ms=… till_fast_ms=… till_slow_ms=… runs=…
// The median of five runs of each; every run a new browser context, so nothing is cached.
import { launchBrowser, signIn, startPatron, startShop } from "../../end2end/tests/harness.js";

const RUNS = 5;
const PHONE = {
  cpu: 4,
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A page of `context` with its cache off and, given a profile, the phone's CPU and network. */
async function coldPage(context, profile) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (profile) {
    await cdp.send("Network.emulateNetworkConditions", profile.network);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  }
  return page;
}

async function once(browser, url, profile, { widget = true } = {}) {
  const context = await browser.newContext();
  try {
    const page = await coldPage(context, profile);
    await page.goto(url, { waitUntil: widget ? "commit" : "load" });
    if (!widget) {
      await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length, null, { polling: 50 });
      return { fcp: await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0].startTime) };
    }
    // performance.now() counts from the navigation's start.
    const usable = await page.waitForFunction(
      () => {
        const field = document.querySelector('[data-patron="signup"]')?.shadowRoot?.querySelector('input[type="email"]');
        return field && !field.disabled ? performance.now() : null;
      },
      null,
      { polling: "raf", timeout: 60000 },
    );
    const ms = await usable.jsonValue();
    const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1);
    return { ms, fcp };
  } finally {
    await context.close();
  }
}

/** From navigation to the till's search field in a hydrated page, signed in as `cookie`. */
async function till(browser, url, cookie, profile) {
  const context = await browser.newContext();
  try {
    const at = cookie.indexOf("=");
    await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url }]);
    const page = await coldPage(context, profile);
    await page.goto(`${url}/admin/till`, { waitUntil: "commit" });
    const usable = await page.waitForFunction(
      () => document.documentElement.hasAttribute("data-hydrated") && document.querySelector('.page input[type="search"]')
        ? performance.now() : null,
      null,
      { polling: "raf", timeout: 60000 },
    );
    return await usable.jsonValue();
  } finally {
    await context.close();
  }
}

const patron = await startPatron();
const shop = await startShop(patron.url, { widgets: ["signup"] });
const bare = await startShop(patron.url, { widgets: [], embed: false });
const browser = await launchBrowser();
try {
  patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
  await once(browser, shop.url, null); // the server's first answers warm its own caches
  const fast = [], slow = [], fcp = [], bareFcp = [];
  for (let i = 0; i < RUNS; i++) {
    fast.push((await once(browser, shop.url, null)).ms);
    const phone = await once(browser, shop.url, PHONE);
    slow.push(phone.ms);
    fcp.push(phone.fcp);
    bareFcp.push((await once(browser, bare.url, PHONE, { widget: false })).fcp);
  }
  patron.cli(["admin", "create", "--email", "owner@bench.example"], "a long bench passphrase\n");
  const cookie = await signIn(patron.url, "owner@bench.example", "a long bench passphrase");
  await till(browser, patron.url, cookie, null);
  const tillFast = [], tillSlow = [];
  for (let i = 0; i < RUNS; i++) {
    tillFast.push(await till(browser, patron.url, cookie, null));
    tillSlow.push(await till(browser, patron.url, cookie, PHONE));
  }
  const r = (x) => Math.round(median(x));
  console.log(`INTERACTIVE fast_ms=${r(fast)} slow_ms=${r(slow)} slow_fcp_ms=${r(fcp)} bare_fcp_ms=${r(bareFcp)} ` +
    `till_fast_ms=${r(tillFast)} till_slow_ms=${r(tillSlow)} runs=${RUNS}`);
} finally {
  await browser.close();
  await shop.stop();
  await bare.stop();
  await patron.stop();
}
