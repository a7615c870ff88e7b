// Joining the loyalty programme on the demo shop and the customer's own page, in real
// Chromium: a visitor saves an item, joins in the widget (the box must be ticked) and is told
// to look for the mail (the answer a known address gets too); the link mailed to them opens
// their page on a phone-sized screen with their card, its QR code and the saved item, which
// they remove.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { gotoAdmin, launchBrowser, signedInPage, startPatron, startShop, stopPatronAndBrowser, strictPage } from "./harness.js";

const OWNER = { email: "owner@bakery.example", password: "a long owner passphrase" };
let patron, browser;

before(async () => {
  patron = await startPatron();
  browser = await launchBrowser();
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
});
after(async () => stopPatronAndBrowser(patron, browser));

test("a visitor joins by the widget and their page shows the card and favourites from the mailed link", async () => {
  const admin = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await gotoAdmin(admin, `${patron.url}/admin/sites/demo?section=loyalty`);
  const create = admin.locator('form[data-programme="new"]');
  await create.getByLabel("Name").fill("Bun card");
  await create.getByLabel("Only these items").fill("CINNAMON-BUN");
  await create.getByLabel("Rewards").fill("10 Free bun");
  await create.getByRole("button", { name: "Create programme" }).click();
  await admin.locator("form.loyalty-programme h3", { hasText: "Bun card" }).waitFor();
  await admin.close();

  const shop = await strictPage(browser, [/status of 422/]);
  await shop.goto(`${patron.url}/demo`);
  await shop.locator('[data-patron="favourite"][data-item="RYE"]').getByRole("button").click();
  const widget = shop.locator('[data-patron="loyalty"]');
  await widget.getByText("Bun card").waitFor();
  await widget.getByLabel("First name").fill("Saga");
  await widget.getByLabel("Email", { exact: true }).fill("saga@example.se");
  await widget.getByRole("button", { name: "Join" }).click();
  assert.equal(await widget.locator("#agree-error").textContent(), "Please tick this box to go on.");
  await widget.getByLabel(/I want to join/).check();
  await widget.getByRole("button", { name: "Join" }).click();
  await widget.getByRole("status").waitFor();
  assert.match(await widget.getByRole("status").textContent(), /we have mailed you a link to your own page/);
  assert.equal(await widget.locator(".patron-card").count(), 0, "no card in the answer");
  const [{ code }] = patron.sql("SELECT card_code AS code FROM loyalty_members");
  const number = `${code.slice(0, 4)}-${code.slice(4)}`;
  assert.deepEqual(shop.problems.filter((p) => !/status of 422/.test(p)), []);

  // No mail server here: the link waits in the outbox, as staff would pass it on.
  const [mail] = patron.sql("SELECT body FROM outbox WHERE kind = 'my_page_link' ORDER BY id DESC LIMIT 1");
  const link = mail.body.match(/http\S+\/me\/link\/\S+/)[0];
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const mine = await phone.newPage();
  await mine.goto(link);
  await mine.getByRole("button", { name: "Open my page" }).click();
  await mine.getByRole("heading", { name: "Hello Saga" }).waitFor();
  assert.equal(await mine.locator("[data-card]").getAttribute("data-card"), number, "the card given on joining");
  await mine.locator("#card .qr svg").waitFor();
  await mine.locator('li[data-balance="0"]', { hasText: "Bun card: 0 stamps" }).waitFor();
  const fits = await mine.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(fits, "nothing runs off a phone's screen");

  const saved = mine.locator("#favourites li", { hasText: "Rye bread" });
  await saved.waitFor();
  await saved.getByRole("button", { name: "Remove Rye bread" }).click();
  await mine.locator("#favourites", { hasText: "Nothing saved yet." }).waitFor();
  assert.deepEqual(patron.sql("SELECT count(*) AS n FROM favourites"), [{ n: 0 }]);

  // Saga corrects her phone on her page; a bad one first is marked at its field.
  await mine.locator("#phone").fill("call me");
  await mine.getByRole("button", { name: "Save my details" }).click();
  await mine.locator("#phone-error").waitFor();
  assert.equal(await mine.locator("#phone").getAttribute("aria-invalid"), "true");
  await mine.locator("#phone").fill("070-123 45 67");
  await mine.getByRole("button", { name: "Save my details" }).click();
  await mine.waitForURL(/\/me\?lang=en#details$/);
  // The demo bakery is Dutch: the number typed nationally is kept in E.164.
  assert.equal(await mine.locator("#phone").inputValue(), "+31701234567");
  // Staff see it on her record, made by her.
  const [{ id }] = patron.sql("SELECT id, email FROM customers").filter((c) => c.email === "saga@example.se");
  const staff = await signedInPage(browser, patron.url, OWNER.email, OWNER.password);
  await gotoAdmin(staff, `${patron.url}/admin/customers/${id}?part=timeline&show=changes`);
  const change = staff.locator('.timeline li[data-kind="changes"]', { hasText: "the customer, on their own page" });
  await change.first().waitFor();
  assert.match(await change.first().textContent(), /Phone/);
  await staff.close();

  // The link was for one use: opened again, it no longer signs anyone in.
  const other = await browser.newContext();
  const again = await other.newPage();
  const response = await again.goto(link);
  assert.equal(response.status(), 410);
  await again.getByRole("heading", { name: "This link no longer works" }).waitFor();
  await other.close();
  await phone.close();
  await shop.close();
});

// After the test above, which made the demo's loyalty programme.
test("a Russian customer joins on a Russian page and their page opens in Russian from the mailed link", async () => {
  const shop = await startShop(patron.url, { lang: "ru", widgets: ["loyalty"] });
  try {
    patron.cli(["site", "allow-origin", "--site", "demo", "--origin", shop.url]);
    const page = await strictPage(browser);
    await page.goto(shop.url);
    const widget = page.locator('[data-patron="loyalty"]');
    await widget.getByLabel("Имя").fill("Иван");
    await widget.getByLabel("Эл. почта", { exact: true }).fill("ivan@example.ru");
    await widget.getByLabel(/Я хочу вступить/).check();
    await widget.getByRole("button", { name: "Вступить" }).click();
    await widget.getByRole("status").waitFor();

    const [mail] = patron.sql(`SELECT subject, body FROM outbox
                               WHERE kind = 'my_page_link' ORDER BY id DESC LIMIT 1`);
    assert.match(mail.body, /Иван/, "the mail is in Russian");
    const link = mail.body.match(/http\S+\/me\/link\/\S+/)[0];
    assert.match(link, /\?lang=ru$/, "the link names the language the customer used");

    // Opened on a phone whose browser asks for English: the link's language wins.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "en-US" });
    const mine = await phone.newPage();
    await mine.goto(link);
    assert.equal(await mine.locator("html").getAttribute("lang"), "ru");
    await mine.getByRole("button", { name: "Открыть мою страницу" }).click();
    await mine.getByRole("heading", { name: "Здравствуйте, Иван" }).waitFor();
    await mine.locator("#card h2", { hasText: "Ваша карта лояльности" }).waitFor();
    await mine.locator('li[data-balance="0"]', { hasText: "Bun card: 0 штампов" }).waitFor();
    await mine.locator('#consents li[data-consent="newsletter"]', { hasText: "новости и предложения" }).waitFor();
    await mine.getByRole("button", { name: "Сохранить мои данные" }).waitFor();
    const english = await mine.evaluate(() => /Your |Sign out|Save my details|stamps/.test(document.body.innerText));
    assert.ok(!english, "no English on the Russian page");
    const fits = await mine.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(fits, "nothing runs off a phone's screen");
    if (process.env.E2E_SHOTS) await mine.screenshot({ path: `${process.env.E2E_SHOTS}/my-page-ru-390.png`, fullPage: true });

    // A bad phone is refused in Russian, at its field, and the page stays Russian.
    await mine.locator("#phone").fill("позвоните мне");
    await mine.getByRole("button", { name: "Сохранить мои данные" }).click();
    await mine.locator("#phone-error").waitFor();
    assert.match(await mine.locator("#phone-error").textContent(), /номер/);
    await mine.getByRole("link", { name: "Назад на вашу страницу" }).click();
    await mine.getByRole("button", { name: "Выйти" }).click();
    await mine.getByRole("button", { name: "Прислать мне ссылку" }).waitFor();
    await phone.close();
    assert.deepEqual(page.problems, []);
  } finally {
    await shop.stop();
  }
});
