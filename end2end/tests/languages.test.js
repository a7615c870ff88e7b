// The admin in the staff member's language, in real Chromium: a browser's own language is
// spoken before anyone signs in; an owner switches their account to Dutch and a sale goes
// through the till on a tablet with no English left on the screen; the choice follows them
// to another browser, and "Next customer" clears the till for the next sale.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { gotoAdmin, sideways, startPatronAndBrowser, stopPatronAndBrowser, strictPage } from "./harness.js";

let patron, browser;
before(async () => ({ patron, browser } = await startPatronAndBrowser()));
after(() => stopPatronAndBrowser(patron, browser));

const OWNER = { email: "eigenaar@bakkerij.example", password: "een lange wachtzin voor de eigenaar" };
const shots = process.env.E2E_SHOTS;

// English words of the till and the frame that must not show once the admin speaks Dutch.
const ENGLISH = ["Find the customer", "New customer", "Add line", "Save purchase", "Discount", "Payment",
  "Total", "Sign out", "Open record", "Change customer", "Next customer", "Saved", "Today", "Customers"];

async function signIn(page, email, password, labels) {
  await gotoAdmin(page, `${patron.url}/admin/login`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("button", { name: labels.signIn }).click();
  await page.waitForURL(/\/admin\/customers$/);
  await page.waitForSelector("html[data-hydrated]", { state: "attached" });
}

test("before sign-in the admin speaks the browser's language", async () => {
  for (const [locale, title, lang] of [["de-DE", "Bei Patron anmelden", "de"], ["ru-RU", "Вход в Patron", "ru"], ["ja-JP", "Sign in to Patron", "en"]]) {
    const page = await strictPage(browser, [], { locale });
    await gotoAdmin(page, `${patron.url}/admin/login`);
    assert.equal(await page.locator("h1").textContent(), title, locale);
    assert.equal(await page.locator("html").getAttribute("lang"), lang);
    await page.context().close();
  }
});

test("an owner switches to Dutch and sells at the till on a tablet, in Dutch only", async () => {
  patron.cli(["admin", "create", "--email", OWNER.email], OWNER.password + "\n");
  // The wrong price below is answered 422, which the browser logs.
  const page = await strictPage(browser, [/status of 422/]);
  await signIn(page, OWNER.email, OWNER.password, { email: "Email", password: "Password", signIn: "Sign in" });

  await gotoAdmin(page, `${patron.url}/admin/account`);
  await page.locator("select[name=lang]").selectOption("nl");
  await page.locator("h1", { hasText: "Uw account" }).waitFor();
  await page.waitForSelector("html[lang=nl][data-hydrated]", { state: "attached" });

  await page.setViewportSize({ width: 820, height: 1180 });
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Kassa" }).click();
  await page.waitForURL(/\/admin\/till$/);
  await page.locator("h1", { hasText: "Kassa" }).waitFor();

  // A new customer, made at the till.
  await page.getByText("Nieuwe klant").click();
  await page.getByLabel("Voornaam").fill("Anouk");
  await page.getByLabel("Telefoon").fill("06 1234 5678");
  await page.getByRole("button", { name: "Klant aanmaken" }).click();
  await page.locator(".chosen", { hasText: "Anouk" }).waitFor();

  // A wrong price is refused in Dutch beside its line.
  await page.getByLabel("Omschrijving").first().fill("Appeltaart");
  await page.getByLabel("Stukprijs").first().fill("veel");
  await page.getByRole("button", { name: "Aankoop opslaan" }).click();
  await page.locator(".line-error", { hasText: "Stukprijs:" }).waitFor();

  await page.getByLabel("Stukprijs").first().fill("12,50");
  await page.getByLabel("Aantal").first().fill("2");
  await page.locator(".till-foot").getByLabel("Betaling").selectOption("cash");
  assert.equal(await page.locator(".till-foot select option:checked").textContent(), "Contant");
  if (shots) {
    for (const width of [1280, 820, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 1180 });
      assert.equal(await sideways(page), 0, `the Dutch till fits ${width} px`);
      await page.screenshot({ path: `${shots}/till-nl-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 820, height: 1180 });
  }
  // Money as the Dutch write it (CLDR nl-NL), the total and the confirmation alike.
  assert.equal(await page.locator("[data-total]").textContent(), "€\u00a025,00");
  await page.getByRole("button", { name: "Aankoop opslaan" }).click();
  const saved = page.getByRole("status").filter({ hasText: "Opgeslagen:" });
  await saved.waitFor();
  assert.match(await saved.textContent(), /Opgeslagen: €\u00a025,00/);

  const text = await page.locator("body").innerText();
  const english = ENGLISH.filter((w) => new RegExp(`\\b${w}\\b`).test(text));
  assert.deepEqual(english, [], `English left on the Dutch till:\n${text}`);

  // The sale is confirmed, and the till is cleared for the next customer.
  await page.getByRole("button", { name: "Volgende klant" }).click();
  await page.getByLabel("Klant zoeken").waitFor();
  assert.equal(await page.locator(".chosen").count(), 0);

  // Today lists the sale, in Dutch.
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Vandaag" }).click();
  await page.locator("h2", { hasText: "Verkopen van vandaag" }).waitFor();
  await page.locator("tr[data-sale]", { hasText: "Anouk" }).getByText("Contant").waitFor();
  // The sale's time on the shop's clock (the demo bakery is in the Netherlands: Amsterdam's),
  // as the browser writes it from the offsets in the page's head.
  const clock = (at) => new Intl.DateTimeFormat("nl-NL",
    { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  const now = Date.now();
  const shown = await page.locator("tr[data-sale]", { hasText: "Anouk" }).locator("td").first().textContent();
  assert.ok([clock(now - 120000), clock(now - 60000), clock(now)].includes(shown), `${shown} on Amsterdam's clock`);
  // The day in Dutch words, with its weekday (CLDR nl), as the server and the browser both write it.
  const day = await page.locator("[data-today]").getAttribute("data-today");
  const weekday = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"][new Date(`${day}T12:00:00Z`).getUTCDay()];
  const month = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december"][Number(day.slice(5, 7)) - 1];
  assert.equal(await page.locator("[data-today]").textContent(), `${weekday} ${Number(day.slice(8))} ${month} ${day.slice(0, 4)}`);
  assert.deepEqual(page.problems, []);
});

test("the chosen language follows the owner to another browser", async () => {
  const page = await strictPage(browser, [], { locale: "de-DE" });
  await signIn(page, OWNER.email, OWNER.password, { email: "E-Mail", password: "Passwort", signIn: "Anmelden" });
  await page.waitForSelector("html[lang=nl]", { state: "attached" });
  await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Kassa" }).waitFor();
  // Back to the browser's language: German.
  await gotoAdmin(page, `${patron.url}/admin/account`);
  await page.locator("select[name=lang]").selectOption("");
  await page.locator("h1", { hasText: "Ihr Konto" }).waitFor();
  // Today's takings as Germans write money (CLDR de): the amount, then the symbol.
  await gotoAdmin(page, `${patron.url}/admin`);
  await page.locator("a.card", { hasText: "25,00\u00a0€" }).waitFor();
  assert.deepEqual(page.problems, []);
});

test("in a German browser the owner adds a product, in German only", async () => {
  // The owner exists from the test above; this browser has no language chosen on the account
  // in it, so the account's Dutch would apply: choose German first.
  const page = await strictPage(browser, [/status of 422/], { locale: "de-DE" });
  await signIn(page, OWNER.email, OWNER.password, { email: "E-Mail", password: "Passwort", signIn: "Anmelden" });
  await gotoAdmin(page, `${patron.url}/admin/account`);
  // The page reloads once the choice is kept. This browser already spoke German, so wait for
  // the reload itself: a goto while it is under way is aborted by it (CI, stop 45).
  await Promise.all([page.waitForEvent("framenavigated"), page.locator("select[name=lang]").selectOption("de")]);
  await page.waitForSelector("html[lang=de][data-hydrated]", { state: "attached" });
  await gotoAdmin(page, `${patron.url}/admin/products`);
  await page.locator("h1", { hasText: "Produkte" }).waitFor();
  await page.getByText("Produkt hinzufügen").first().click();
  const form = page.locator("#new-product");
  await form.getByLabel(/^SKU/).fill("BREZEL");
  await form.getByLabel("Name", { exact: true }).fill("Pretzel");
  await form.getByLabel("Name (Deutsch)").fill("Brezel");
  await form.getByLabel("Preis (EUR)").fill("1,2,3");
  await form.getByRole("button", { name: "Produkt hinzufügen" }).click();
  await form.getByText("Bitte geben Sie einen Betrag ein, etwa 12,50.").waitFor();
  await form.getByLabel("Preis (EUR)").fill("1,20");
  await form.getByRole("button", { name: "Produkt hinzufügen" }).click();
  await page.locator('tr[data-sku="BREZEL"]', { hasText: "1,20 €" }).waitFor();
  const text = await page.locator("main").innerText();
  for (const word of ["Products", "Add a product", "Search", "Offered", "Archived", "Price", "Edit", "Archive", "page "]) {
    assert.ok(!text.includes(word), `English left: ${word}`);
  }
  assert.match(text, /Seite 1 von 1/);
  if (shots) await page.screenshot({ path: `${shots}/products-de-1280.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
});

test("in German, a customer file is mapped, checked and imported in German at every size", async () => {
  // The file with a bad row is refused whole first (422), which the browser logs.
  const page = await strictPage(browser, [/status of 422/], { locale: "de-DE" });
  await signIn(page, OWNER.email, OWNER.password, { email: "E-Mail", password: "Passwort", signIn: "Anmelden" });
  await gotoAdmin(page, `${patron.url}/admin/import`);
  await page.locator("h1", { hasText: "Kunden importieren" }).waitFor();
  const file = "Vorname;Nachname;E-Mail;Ort\nLena;Vogel;lena@example.de;Köln\nBen;Berg;ben(at)example.com;Basel\n";
  await page.getByLabel("CSV-Datei").setInputFiles({ name: "kunden.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByText("2 Zeilen · Spalten zuordnen").waitFor();
  const email = page.getByLabel("Spalte E-Mail importieren als");
  assert.equal(await email.inputValue(), "email");
  assert.equal(await email.locator("option:checked").innerText(), "E-Mail");
  await page.getByRole("button", { name: "Datei prüfen (Probelauf)" }).click();
  await page.locator('.problems li[data-line="3"]', { hasText: "Zeile 3 · E-Mail: Das sieht nicht wie eine E-Mail-Adresse aus." }).waitFor();
  await page.getByText("1 neuer Kunde, 0 aktualisiert, 0 unverändert · 1 Problem:").waitFor();
  const link = page.getByRole("link", { name: "Abgelehnte Zeilen herunterladen (CSV)" });
  const rejected = decodeURIComponent((await link.getAttribute("href")).replace(/^data:text\/csv;charset=utf-8,/, ""));
  assert.match(rejected, /"Ben","Berg","ben\(at\)example.com","Basel","E-Mail: Das sieht nicht wie eine E-Mail-Adresse aus."/);
  const english = ["Import customers", "CSV file", "Column", "Import as", "First rows", "Check the file", "problems?",
    "Download", "rejected", "valid rows", "Done", "updated", "unchanged", "Line", "skip this column"];
  const left = (text) => english.filter((w) => new RegExp(`\\b${w}\\b`).test(text));
  const options = (await email.locator("option").allInnerTexts()).join(" | ");
  assert.deepEqual(left(options), [], options);
  for (const [width, height] of [[1280, 800], [820, 1180], [390, 844]]) {
    await page.setViewportSize({ width, height });
    if (shots) await page.screenshot({ path: `${shots}/import-de-${width}.png`, fullPage: true });
    assert.equal(await sideways(page), 0, `the import page fits ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Gültige Zeilen importieren" }).click();
  await page.getByText("Fertig: 1 neu, 0 aktualisiert, 0 unverändert. 1 Zeile mit Problemen wurde ausgelassen.").waitFor();
  const text = await page.locator("main").innerText();
  assert.deepEqual(left(text), [], text);
  await page.getByRole("link", { name: "Frühere Einkäufe importieren" }).click();
  await page.locator("h1", { hasText: "Frühere Einkäufe importieren" }).waitFor();
  assert.deepEqual(left(await page.locator("main").innerText()), []);
  assert.deepEqual(page.problems, []);
});

// English words of the customers list and the record that must not show in German.
const ENGLISH_RECORD = ["Customers", "Search", "Added", "Total spend", "Orders", "Average order", "Overview",
  "Purchases", "Timeline", "Details", "Edit", "Tags", "Consents", "given", "never asked", "Record consent",
  "Data rights", "Log", "Outcome", "Everything", "Changes", "New purchase", "Phone call", "Void", "Return"];

test("in German, the customers list and every part of a record speak German at every size", async () => {
  // The refused email below is answered 422, which the browser logs.
  const page = await strictPage(browser, [/status of 422/], { locale: "de-DE" });
  await signIn(page, OWNER.email, OWNER.password, { email: "E-Mail", password: "Passwort", signIn: "Anmelden" });
  await page.waitForSelector("html[lang=de]", { state: "attached" });
  await page.locator("h1", { hasText: "Kunden" }).waitFor();
  await page.getByRole("link", { name: "Anouk" }).click();
  await page.locator("h1", { hasText: "Anouk" }).waitFor();
  await page.getByText("gekommen über die Kasse").waitFor();
  // A field refused in German beside it.
  await page.getByRole("button", { name: "E-Mail ändern" }).click();
  const email = page.locator('tr[data-field="email"]');
  await email.locator('input[name="value"]').fill("anouk bij example");
  await email.getByRole("button", { name: "Speichern" }).click();
  await email.getByText("Das sieht nicht wie eine E-Mail-Adresse aus.").waitFor();
  await email.getByRole("button", { name: "Abbrechen" }).click();
  await page.getByRole("link", { name: "Verlauf" }).click();
  await page.locator('.chips a[aria-current="page"]', { hasText: "Alles" }).waitFor();
  await page.locator('.timeline li[data-kind="changes"]', { hasText: "Angelegt" }).waitFor();
  const parts = [["Übersicht", "overview"], ["Käufe (1)", "purchases"], ["Verlauf", "timeline"], ["Einwilligung und Datenschutz", "privacy"]];
  const english = [];
  for (const [name, part] of parts) {
    await page.getByRole("navigation", { name: "Teile der Kundenakte" }).getByRole("link", { name }).click();
    await page.waitForURL(new RegExp(`part=${part}`));
    await page.locator(`.record-parts a[aria-current="page"]`, { hasText: name }).waitFor();
    assert.equal(await page.locator('.record-parts a[aria-current="page"]').count(), 1, "one part is the current one");
    const text = await page.locator("main").innerText();
    english.push(...ENGLISH_RECORD.filter((w) => new RegExp(`\\b${w}\\b`).test(text)).map((w) => `${part}: ${w}`));
    for (const [width, height] of [[1280, 800], [820, 1180], [390, 844]]) {
      await page.setViewportSize({ width, height });
      assert.equal(await sideways(page), 0, `the record's ${part} fits ${width} px`);
      if (shots) await page.screenshot({ path: `${shots}/record-${part}-de-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  assert.deepEqual(english, [], "English left on the German record");
  await gotoAdmin(page, `${patron.url}/admin/customers`);
  const list = await page.locator("main").innerText();
  assert.deepEqual(ENGLISH_RECORD.filter((w) => new RegExp(`\\b${w}\\b`).test(list)), [], list);
  if (shots) await page.screenshot({ path: `${shots}/customers-de-1280.png`, fullPage: true });

  // The other pages of the customers and privacy groups, German too.
  const ENGLISH_PAGES = ["Segments", "Save segment", "Customers matching", "of these rules", "Rule", "Group",
    "customers match", "Export CSV", "Mailing labels", "Dormant customers", "Save rule", "days without a purchase",
    "Reservations", "Open", "Handed out", "Data requests", "Received", "Audit log", "everything", "Customer number",
    "Backups", "Back up now", "Last backup", "Loading", "Counting", "Reports", "Why customers buy", "Top sellers",
    "Spend per segment", "New customers per week", "Loyalty", "Page views", "Visitors", "Entry pages", "Goals",
    "Paths", "Show paths", "Data quality", "Names in capitals", "Checking", "Week of", "Duplicates", "Merges",
    "No likely duplicates"];
  for (const [path, title] of [["/admin/segments", "Segmente"], ["/admin/dormant", "Inaktive Kunden"],
    ["/admin/reservations", "Reservierungen"], ["/admin/reservations?show=closed", "Reservierungen"],
    ["/admin/requests", "Datenanfragen"], ["/admin/audit", "Protokoll"], ["/admin/backups", "Sicherungen"],
    ["/admin/reports", "Berichte"], ["/admin/analytics", "Besuche"], ["/admin/quality", "Datenqualität"],
    ["/admin/duplicates", "Dubletten"]]) {
    await gotoAdmin(page, `${patron.url}${path}`);
    await page.locator("h1", { hasText: title }).waitFor();
    if (path === "/admin/segments") {
      await page.getByRole("button", { name: "+ Regel" }).click();
      await page.getByLabel("Regel 1 prüft").selectOption("spent");
      await page.getByLabel("Regel 1 Wert").fill("0");
      await page.getByLabel("Regel 1 Wert").press("Tab");
      await page.locator(".segment-count strong").first().waitFor();
    }
    if (path === "/admin/audit") {
      // Entries of a customer there is none of: the log says so, in German.
      await page.getByLabel("Kundennummer").fill("99999");
      await page.getByLabel("Kundennummer").press("Tab");
      await page.getByText("Im Protokoll passt noch nichts zu dieser Auswahl.").waitFor();
    }
    const text = await page.locator("main").innerText();
    const left = ENGLISH_PAGES.filter((w) => new RegExp(`\\b${w}\\b`).test(text));
    assert.deepEqual(left, [], `English left on ${path}:\n${text}`);
    assert.equal(await sideways(page), 0, `${path} fits`);
  }
  assert.deepEqual(page.problems, []);
});
