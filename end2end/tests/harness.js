// Test harness: the real Patron binary on a free port with a fresh SQLite file, small
// "shop" web servers on other origins, and Debian's Chromium driven by playwright-core.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const binary = join(repo, "target/release/patron");

/** Starts Patron; resolves once it listens. `url` is its origin. */
export async function startPatron() {
  const dir = mkdtempSync(join(tmpdir(), "patron-e2e-"));
  const dbFile = join(dir, "patron.db");
  const env = {
    ...process.env,
    PATRON_DATABASE_URL: `sqlite://${dbFile}`,
    PATRON_ADDR: "127.0.0.1:0",
    // The assets come from inside the binary, started in an empty folder: nothing of the
    // repository beside it (E2E_SITE_ROOT serves a directory instead).
    ...(process.env.E2E_SITE_ROOT ? { PATRON_SITE_ROOT: process.env.E2E_SITE_ROOT } : {}),
    PATRON_DEMO: "true",
    RUST_LOG: "info",
    // Every browser of a test file is one network (127.0.0.1) on one server: ten times the
    // default allowance keeps the limit in force without the tests running into it.
    PATRON_WIDGET_RATE: "600",
    PATRON_INGEST_RATE: "6000",
    // The webhook tests' receivers listen on loopback.
    PATRON_WEBHOOKS_TO_PRIVATE_NETWORKS: "true",
  };
  const child = spawn(binary, [], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("Patron did not start:\n" + log)), 15000);
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const m = log.replace(/\x1b\[[0-9;]*m/g, "").match(/Patron is listening addr=(\S+)/);
      if (m) { clearTimeout(timer); ok(`http://${m[1]}`); }
    });
    child.on("exit", (code) => fail(new Error(`Patron exited with ${code}:\n${log}`)));
  });
  const cli = (args, input = "") => {
    const r = spawnSync(binary, args, { cwd: dir, env, input, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`patron ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout;
  };
  /** Rows of a read-only query on the server's database, through `patron sql`, which
   * opens sealed values: `SELECT email FROM customers` gives the addresses. */
  const sql = (query) => JSON.parse(cli(["sql", query]));
  // A fresh install prints the first-run page's link with its one-time code.
  const setup = log.replace(/\x1b\[[0-9;]*m/g, "").match(/(http:\/\/\S+\/admin\/setup\?code=[0-9a-f]{64})/);
  return {
    url,
    setupUrl: setup ? setup[1] : null,
    cli,
    sql,
    log: () => log,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((ok) => child.once("exit", ok));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves `fixtures/shop.html` as a shop's own page on a new origin, embedding Patron with
 * the given widgets (a kind, `{ kind, item }`, or the page's own HTML between them when it
 * starts with `<`), in the given page language; `embed: false` leaves Patron's script out.
 */
export async function startShop(patronUrl, { site = "demo", lang = "en", widgets = ["signup"], csp = null, embed = true } = {}) {
  const fixture = csp ? "end2end/fixtures/strict-shop.html" : "end2end/fixtures/shop.html";
  const page = readFileSync(join(repo, fixture), "utf8");
  // embed: false is the same page without Patron (the benchmark's baseline).
  const html = (embed ? page : page.replace(/<script src="\{\{PATRON\}\}\/embed\.js"[^>]*><\/script>/, ""))
    .replaceAll("{{PATRON}}", patronUrl)
    .replaceAll("{{SITE}}", site)
    .replaceAll("{{LANG}}", lang)
    .replaceAll("{{WIDGETS}}", widgets.map((w) => typeof w === "string"
      ? (w.startsWith("<") ? w : `<div data-patron="${w}"></div>`)
      : `<div data-patron="${w.kind}" data-item="${w.item}"></div>`).join("\n  "));
  const server = createServer((req, res) => {
    const headers = { "content-type": "text/html; charset=utf-8" };
    if (csp) headers["content-security-policy"] = csp.replaceAll("{{PATRON}}", patronUrl);
    res.writeHead(req.url === "/" ? 200 : 404, headers);
    res.end(req.url === "/" ? html : "not found");
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((ok) => server.close(ok)),
  };
}

/** Patron and Chromium for one test file: `before(...)` starts both, `after(...)` stops both. */
export async function startPatronAndBrowser() {
  return { patron: await startPatron(), browser: await launchBrowser() };
}

export async function stopPatronAndBrowser(patron, browser) {
  await browser?.close();
  await patron?.stop();
}

/** Chromium, headless; `extraArgs` adds command-line switches (e.g. `--user-agent=...`). */
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      ...extraArgs,
    ],
  });
}

/** A new page that fails the test on any uncaught page error or console error. Its browser
 * speaks US English unless `locale` says otherwise (the admin follows the browser's language). */
/** How far the page runs past the window's right edge, in px: 0 when nothing scrolls sideways. */
export const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

export async function strictPage(browser, allowed = [], { locale = "en-US" } = {}) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    // A failed load names no address in its text; its location does (which request 404ed).
    const where = m.text().startsWith("Failed to load resource") ? ` (${m.location()?.url})` : "";
    if (m.type() === "error" && !allowed.some((re) => re.test(m.text()))) problems.push(`console: ${m.text()}${where}`);
  });
  page.problems = problems;
  return page;
}

/** Opens an admin page and waits until the app has hydrated (its forms are live). */
export async function gotoAdmin(page, url) {
  const response = await page.goto(url);
  try {
    await page.waitForSelector("html[data-hydrated]", { state: "attached" });
  } catch (e) {
    // Say why: a panic while hydrating shows in the console; a missing bundle in the network.
    const bundles = await page.evaluate(() =>
      performance.getEntriesByType("resource").filter((r) => r.name.includes("/pkg/"))
        .map((r) => `${r.name} ${Math.round(r.duration)}ms ${r.transferSize}B`)).catch((x) => [String(x)]);
    const state = await page.evaluate(() => document.readyState).catch((x) => String(x));
    throw new Error(`${url} (HTTP ${response?.status()}, document ${state}) was not hydrated in time.\n` +
      `bundles: ${bundles.join("; ") || "none fetched"}\nconsole: ${page.problems?.join("\n") || "nothing"}`, { cause: e });
  }
}

/**
 * Makes the pages of `target` (a page or a browser context) behave like a host page with
 * Prototype 1.6 (still under some old shops): arrays get a `toJSON`, so
 * `JSON.stringify(["RYE"])` gives the string '"[\\"RYE\\"]"' instead of the list.
 */
export async function withOldPrototype(target) {
  await target.addInitScript(() => {
    Array.prototype.toJSON = function () { return "[" + this.map((v) => JSON.stringify(v)).join(", ") + "]"; };
  });
}

/** A strict page signed in to the admin as `email` (lands on the customers list). */
export async function signedInPage(browser, patronUrl, email, password) {
  const page = await strictPage(browser);
  await gotoAdmin(page, `${patronUrl}/admin/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin\/customers$/);
  await page.waitForSelector("html[data-hydrated]", { state: "attached" });
  return page;
}

/** The customers the admin lists, as staff would see them (signs in through the API). */
export async function listCustomers(patronUrl, email, password, query = "") {
  const jar = await signIn(patronUrl, email, password);
  const res = await fetch(`${patronUrl}/api/admin/list_customers`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: patronUrl },
    body: new URLSearchParams({ query, page: "1" }),
  });
  if (!res.ok) throw new Error(`list_customers: ${res.status} ${await res.text()}`);
  return res.json();
}

export async function signIn(patronUrl, email, password) {
  const res = await fetch(`${patronUrl}/api/admin/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: patronUrl },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookie.split(";")[0];
}

/** An amount (in cents) as the admin writes it for an English reader on the demo site,
 * which is in the Netherlands (CLDR's en-NL): `euros(123450)` is "€ 1.234,50" with a
 * no-break space. */
export function euros(cents) {
  const whole = Math.trunc(Math.abs(cents) / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = cents < 0 ? "-" : "";
  return `€\u00a0${sign}${whole},${String(Math.abs(cents) % 100).padStart(2, "0")}`;
}
