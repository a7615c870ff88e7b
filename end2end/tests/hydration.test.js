// Every admin page hydrates, load after load: a page that streams its data can race it
// only now and then (the Dormant page did in 10 loads of 30), so one passing load proves
// little. A load that does not hydrate names its page and the first console error.
//
// The browser's misses have one known cause besides: a resource made inside a `Suspend`,
// which the server may make twice, so the page's resources are numbered differently from
// one load to the next and the browser hydrates against the wrong answer (Dormant missed
// 1 load in 30 on CI so). The server's own list of resources must therefore be the same
// on every load; that is checked on many more loads, as it costs no browser.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { signedInPage, startPatronAndBrowser, stopPatronAndBrowser } from "./harness.js";

let patron, browser;
before(async () => ({ patron, browser } = await startPatronAndBrowser()));
after(() => stopPatronAndBrowser(patron, browser));

const OWNER = { email: "owner@hydrate.example", password: "a long owner passphrase" };
const LOADS = 30;
const FETCHES = 40;

test(`every admin page hydrates ${LOADS} loads in a row`, async () => {
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
  const page = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  const links = await page.getByRole("navigation", { name: "Admin" }).getByRole("link")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const sections = ["wording", "privacy", "mail", "loyalty", "connections"].map((s) => `/admin/sites/demo?section=${s}`);
  // A customer with a purchase and a logged call, so each part of the record has content.
  const id = await page.evaluate(async () => {
    const post = async (fn, fields) => (await fetch(`/api/admin/${fn}`, { method: "POST", body: new URLSearchParams(fields) })).json();
    const id = await post("create_customer", { "form[site]": "demo", "form[first_name]": "Ilse", "form[last_name]": "de Vries", "form[phone]": "", "form[email]": "ilse@example.nl" });
    await post("add_purchase", { "form[customer]": id, "form[payment_method]": "card", "form[lines][0][sku]": "RYE" });
    await post("log_interaction", { id, kind: "call", summary: "Asked for spelt", outcome: "" });
    return id;
  });
  const record = ["", "?part=purchases", "?part=timeline", "?part=privacy"].map((p) => `/admin/customers/${id}${p}`);
  const paths = [...links, "/admin/account", "/admin/sites/demo", ...sections, ...record];
  assert.ok(paths.length >= 20, paths.join(" "));
  const failed = [];
  for (const path of paths) {
    const lists = new Set();
    for (let i = 0; i < FETCHES; i++) {
      const html = await (await page.request.get(patron.url + path)).text();
      lists.add(html.match(/__PENDING_RESOURCES=\[[^\]]*\]/)?.[0] ?? "no resources");
    }
    if (lists.size > 1) failed.push(`${path}: resources differ between loads: ${[...lists].join(" | ")}`);
    let misses = 0;
    for (let i = 0; i < LOADS; i++) {
      await page.goto(patron.url + path);
      await page.waitForSelector("html[data-hydrated]", { state: "attached", timeout: 5000 }).catch(() => misses++);
    }
    if (misses) failed.push(`${path}: ${misses} of ${LOADS} (${page.problems[0] ?? "no console error"})`);
    page.problems.length = 0;
  }
  assert.deepEqual(failed, [], "pages that did not hydrate");
});
