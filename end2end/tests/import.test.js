// CSV import in real Chromium: a file with a bad row is checked and refused by line, the
// corrected file is imported while the progress bar fills, and importing it again adds
// nobody.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, signedInPage, startPatron, stopPatronAndBrowser } from "./harness.js";

let patron, browser;
before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["admin", "create", "--email", "owner@bakery.example"], "a long owner passphrase\n");
});
after(() => stopPatronAndBrowser(patron, browser));

const ROWS = 3000;
function csv(bad) {
  const lines = ["Vorname;Nachname;E-Mail;Telefon;Ort"];
  for (let i = 1; i <= ROWS; i++) {
    lines.push(`Kundin${i};Müller;kundin${i}@example.de;;${i % 2 ? "Bern" : "Zürich"}`);
  }
  if (bad) lines[42] = "Ben;Berg;ben(at)example.com;;Basel";
  return Buffer.from(lines.join("\r\n") + "\r\n", "utf8");
}

async function chooseFile(page, bad) {
  await page.getByLabel("CSV file").setInputFiles({ name: "kunden.csv", mimeType: "text/csv", buffer: csv(bad) });
  await page.getByText(`${ROWS} rows · map the columns`).waitFor();
}

test("import a CSV: dry run, progress bar, and a second import that changes nothing", async () => {
  const page = await signedInPage(browser, patron.url, "owner@bakery.example", "a long owner passphrase");
  await page.getByRole("link", { name: "Import" }).click();
  await page.waitForURL(/\/admin\/import$/);

  await chooseFile(page, true);
  assert.equal(await page.getByLabel("Import column E-Mail as").inputValue(), "email");
  assert.equal(await page.getByLabel("Import column Ort as").inputValue(), "city");
  await page.getByRole("button", { name: "Check the file (dry run)" }).click();
  // Line 43 of the file (the header is line 1) holds the bad address.
  await page.locator('.problems li[data-line="43"]', { hasText: "Email: This does not look like an email address." }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Import", exact: true }).count(), 0);
  assert.deepEqual(patron.sql("SELECT count(*) AS n FROM customers"), [{ n: 0 }]);

  await chooseFile(page, false);
  await page.getByRole("button", { name: "Check the file (dry run)" }).click();
  await page.getByText(`${ROWS} new customers, 0 updated, 0 unchanged`).waitFor();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const bar = page.getByLabel("Import progress");
  await bar.waitFor();
  // The bar's value follows the rows stored; it ends full.
  const seen = new Set();
  for (let i = 0; i < 300; i++) {
    seen.add(await bar.getAttribute("value"));
    if ((await page.locator('[data-status="done"]').count()) > 0) break;
    await page.waitForTimeout(20);
  }
  await page.getByText(`Done: ${ROWS} new, 0 updated, 0 unchanged.`).waitFor();
  assert.equal(await bar.getAttribute("value"), String(ROWS));
  assert.equal(await bar.getAttribute("max"), String(ROWS));
  console.log(`progress values seen: ${[...seen].join(", ")}`);
  assert.deepEqual(patron.sql("SELECT count(*) AS n FROM customers WHERE source = 'import'"), [{ n: ROWS }]);

  await chooseFile(page, false);
  await page.getByRole("button", { name: "Check the file (dry run)" }).click();
  await page.getByText(`0 new customers, 0 updated, ${ROWS} unchanged`).waitFor();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByText(`Done: 0 new, 0 updated, ${ROWS} unchanged.`).waitFor();
  assert.deepEqual(patron.sql("SELECT count(*) AS n FROM customers"), [{ n: ROWS }]);
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/import.png`, fullPage: false });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("import a web shop's past orders: the valid rows go in, the rejected come back as a file", async () => {
  const page = await signedInPage(browser, patron.url, "owner@bakery.example", "a long owner passphrase");
  await page.goto(`${patron.url}/admin/import`);
  await page.getByRole("link", { name: "Import past purchases" }).click();
  await page.getByRole("heading", { name: "Import past purchases" }).waitFor();
  const orders = [
    "Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Total,Payment Method",
    "#1001,kundin1@example.de,2024-03-05 10:15:00 +0100,2,Sourdough loaf,5.20,SOURDOUGH,13.50,Cash",
    "#1001,,,1,Cinnamon bun,3.10,CINNAMON-BUN,,",
    "#1002,noor@example.nl,2024-02-30 09:00:00 +0100,1,Rye bread,4.60,RYE,4.60,PIN",
    "#1003,noor@example.nl,2024-04-01 09:00:00 +0100,1,Rye bread,4.60,RYE,4.60,PIN",
  ].join("\n") + "\n";
  await page.getByLabel("CSV file").setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(orders) });
  await page.getByText("4 rows · map the columns").waitFor();
  assert.equal(await page.getByLabel("Import column Name as").inputValue(), "order_id");
  assert.equal(await page.getByLabel("Import column Lineitem sku as").inputValue(), "sku");
  await page.getByRole("button", { name: "Check the file (dry run)" }).click();
  await page.locator('.problems li[data-line="4"]', { hasText: "Date: " }).waitFor();
  await page.getByText("2 purchases to add (with 1 new customer), 0 already here").waitFor();
  const link = page.getByRole("link", { name: "Download the rejected rows (CSV)" });
  const rejected = decodeURIComponent((await link.getAttribute("href")).replace(/^data:text\/csv;charset=utf-8,/, ""));
  assert.match(rejected, /"#1002","noor@example.nl","2024-02-30 09:00:00 \+0100"/);
  for (const width of [1280, 820, 390]) {
    await page.setViewportSize({ width, height: 900 });
    if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/import-orders-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Import the valid rows" }).click();
  await page.getByText("Done: 2 purchases added, 1 new customer, 0 already here. 1 row with problems was left out.").waitFor();
  assert.deepEqual(
    patron.sql("SELECT external_id, total_minor FROM purchases WHERE import_id IS NOT NULL ORDER BY external_id"),
    [{ external_id: "#1001", total_minor: 1350 }, { external_id: "#1003", total_minor: 460 }]);
  assert.deepEqual(page.problems, []);
  await page.close();
});
