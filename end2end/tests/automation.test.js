// Automation in real Chromium: the owner switches rules on in the site's settings (the
// win-back refused without its discount code, at its field), a visitor reserves the demo
// shop's panettone, staff press "Arrived" on the reservations desk, and the outbox holds
// the mail telling the customer; pressing again mails no one twice.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { gotoAdmin, launchBrowser, signedInPage, startPatron, stopPatronAndBrowser, strictPage } from "./harness.js";

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };
let patron, browser;

before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
});
after(async () => stopPatronAndBrowser(patron, browser));

test("a reserved item marked arrived mails the customer once, as the owner's rule says", async () => {
  const admin = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await gotoAdmin(admin, `${patron.url}/admin/sites/demo?section=mail`);

  const winBack = admin.locator('form[data-rule="dormant"]');
  await winBack.getByLabel("On").check();
  await winBack.getByRole("button", { name: "Save" }).click();
  await winBack.locator('[data-field="DiscountCode"]').filter({ hasText: "This field is required." }).waitFor();
  await winBack.getByLabel("Discount code").fill("COMEBACK10");
  await winBack.getByRole("button", { name: "Save" }).click();
  await admin.locator('form[data-rule="dormant"]').getByText(/^On since/).waitFor();

  const arrival = admin.locator('form[data-rule="item_arrived"]');
  await arrival.getByLabel("On").check();
  await arrival.getByRole("button", { name: "Save" }).click();
  await admin.locator('form[data-rule="item_arrived"]').getByText(/^On since/).waitFor();
  assert.deepEqual(
    patron.sql("SELECT trigger, active, send_mail, discount_code FROM automation_rules ORDER BY trigger"),
    [
      { trigger: "dormant", active: 1, send_mail: 1, discount_code: "COMEBACK10" },
      { trigger: "item_arrived", active: 1, send_mail: 1, discount_code: "" },
    ],
  );

  const shop = await strictPage(browser);
  await shop.goto(`${patron.url}/demo`);
  const w = shop.locator('[data-patron="reservation"]');
  await w.getByLabel("First name").fill("Noor");
  await w.getByLabel("Last name").fill("Smit");
  await w.getByLabel("Email", { exact: true }).fill("noor@example.nl");
  await w.getByLabel("Phone").fill("+31 6 1234 5678");
  await w.getByRole("button", { name: "Reserve" }).click();
  await w.getByRole("status").waitFor();

  await gotoAdmin(admin, `${patron.url}/admin/reservations`);
  const heading = admin.getByRole("heading", { name: /Christmas panettone/ });
  await heading.getByText(/expected Dec 10, 2026/).waitFor();
  await heading.getByRole("button", { name: "Arrived" }).click();
  await admin.getByRole("status").filter({ hasText: "Marked arrived: 1 customer is being mailed." }).waitFor();
  await admin.getByRole("heading", { name: /Christmas panettone/ }).getByText(/expected/).waitFor({ state: "detached" });

  // Noor collects it: the desk says what was done, and the reservation moves to the list
  // of what was handed out, with who handed it out.
  await admin.locator("tr[data-reservation]", { hasText: "Noor Smit" }).getByRole("button", { name: "Handed out" }).click();
  await admin.getByRole("status").filter({ hasText: "Handed out: 1 × Christmas panettone to Noor Smit." }).waitFor();
  await admin.getByText("No open reservations.").waitFor();
  await admin.getByRole("link", { name: "Handed out and cancelled" }).click();
  const closed = admin.locator('tr[data-outcome="fulfilled"]', { hasText: "Noor Smit" });
  await closed.getByText("handed out").waitFor();
  await closed.getByText(OWNER.email).waitFor();
  for (const [width, height] of [[1280, 800], [820, 1180], [390, 844]]) {
    await admin.setViewportSize({ width, height });
    assert.ok(await admin.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `the desk fits ${width} px`);
    if (process.env.E2E_SHOTS) await admin.screenshot({ path: `${process.env.E2E_SHOTS}/desk-closed-${width}.png`, fullPage: true });
  }
  await admin.setViewportSize({ width: 1280, height: 800 });

  await gotoAdmin(admin, `${patron.url}/admin/outbox`);
  const mail = admin.locator('tr[data-kind="item_arrived"]');
  assert.match(await mail.textContent(), /noor@example\.nl/);
  await mail.getByText("Your Christmas panettone has arrived at Demo Bakery").click();
  assert.match(await mail.locator("pre").textContent(), /Hello Noor,.*the Christmas panettone you reserved has arrived/s);

  // The rule acts once per reservation: checking the rules again writes nothing.
  await gotoAdmin(admin, `${patron.url}/admin/sites/demo?section=mail`);
  await admin.getByRole("button", { name: "Check the rules now" }).click();
  await admin.getByRole("status").filter({ hasText: "Done: 0 customers" }).waitFor();
  assert.deepEqual(patron.sql("SELECT count(*) AS n FROM outbox WHERE kind = 'item_arrived'"), [{ n: 1 }]);
  assert.deepEqual(shop.problems, []);
  await shop.close();
  await admin.close();
});
