// Duplicates in real Chromium: the till creates "Rob Smith" and, a week later, staff type
// "Robert Smith" with the same phone in another format; the manager reviews the pair side
// by side, merges it, sees one customer with both purchases, and undoes the merge.
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

test("review, merge and undo a duplicate pair", async () => {
  const page = await signedInPage(browser, patron.url, "owner@bakery.example", "a long owner passphrase");

  // Two records of one person, each with a purchase, made through the admin's own calls.
  const ids = await page.evaluate(async () => {
    const post = async (endpoint, form) => {
      const res = await fetch(`/api/admin/${endpoint}`, { method: "POST", body: new URLSearchParams(form) });
      if (!res.ok) throw new Error(`${endpoint}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const made = [];
    for (const [first, phone] of [["Rob", "0612345678"], ["Robert", "+31 6 1234 5678"], ["Anna", "0687654321"]]) {
      const id = await post("create_customer", { "form[site]": "demo", "form[first_name]": first, "form[last_name]": "Smith", "form[phone]": phone });
      await post("add_purchase", { "form[customer]": id, "form[payment_method]": "cash", "form[lines][0][sku]": "RYE" });
      made.push(id);
    }
    return made;
  });

  await page.getByRole("link", { name: "Duplicates" }).click();
  await page.waitForURL(/\/admin\/duplicates$/);
  const pair = page.locator(`[data-pair="${ids[0]}-${ids[1]}"]`);
  await pair.waitFor();
  assert.equal(await page.locator("[data-pair]").count(), 1, "Anna is not Rob");
  assert.match(await pair.locator(".why").textContent(), /same phone/);
  assert.match(await pair.locator(`[data-customer="${ids[0]}"]`).textContent(), /Rob Smith/);
  assert.match(await pair.locator(`[data-customer="${ids[1]}"]`).textContent(), /Robert Smith/);

  await pair.getByRole("button", { name: "Keep left, merge right into it" }).click();
  await page.getByText("No likely duplicates.").waitFor();
  await page.locator("tr[data-merge]").waitFor();
  assert.deepEqual(patron.sql(`SELECT count(*) AS n FROM customers WHERE id = ${ids[1]}`), [{ n: 0 }]);
  assert.deepEqual(patron.sql(`SELECT count(*) AS n FROM purchases WHERE customer_id = ${ids[0]}`), [{ n: 2 }]);

  await page.locator("tr[data-merge]").getByRole("button", { name: "Undo" }).click();
  await page.locator("tr[data-merge]", { hasText: "undone" }).waitFor();
  await pair.waitFor();
  assert.deepEqual(patron.sql(`SELECT customer_id, count(*) AS n FROM purchases GROUP BY customer_id ORDER BY 1`),
    ids.map((id) => ({ customer_id: id, n: 1 })));
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/duplicates.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a name in capitals is fixed in place on the data-quality page", async () => {
  const page = await signedInPage(browser, patron.url, "owner@bakery.example", "a long owner passphrase");
  const id = await page.evaluate(async () => {
    const res = await fetch("/api/admin/create_customer", { method: "POST", body: new URLSearchParams(
      { "form[site]": "demo", "form[first_name]": "MARGARETE", "form[last_name]": "Kühn", "form[phone]": "030 1234 5678" }) });
    return res.json();
  });
  await page.getByRole("link", { name: "Data quality" }).click();
  await page.waitForURL(/\/admin\/quality$/);
  await page.getByRole("button", { name: "Names in capitals" }).click();
  const field = page.getByLabel(`First name of customer ${id}`);
  await field.waitFor();
  assert.equal(await field.inputValue(), "Margarete", "title case proposed");
  await page.locator(`tr[data-customer="${id}"]`).getByRole("button", { name: "Save" }).click();
  await page.locator('[data-check="capitals"] .count', { hasText: "0" }).waitFor();
  assert.deepEqual(patron.sql(`SELECT first_name FROM customers WHERE id = ${id}`), [{ first_name: "Margarete" }]);
  assert.deepEqual(page.problems, []);
  await page.close();
});
