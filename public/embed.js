// Patron embed loader. A shop's page includes it once:
//   <script src="https://PATRON/embed.js" data-site="SITEKEY" defer></script>
// and marks where widgets go: <div data-patron="signup"></div> (data-lang="de" on the script
// or on one element picks the language; else <html lang>, else the browser's).
// data-track="off" on the script leaves out the analytics tracker (track.js).
// The widgets speak the page's language when the site writes its own texts in it, else the
// site's default (the server says which, once per language asked for), never a mix of two.
// Each widget gets its own open Shadow DOM, so the page's CSS and the widget's never meet.
// The widget code (WASM) is loaded once per page, only if a widget is on it, and only once
// one comes within a screen's height of the viewport: a signup in the footer costs a visitor
// who never scrolls there nothing. It comes in bundles per family of widgets (`families`
// below; scripts/build makes them): a page whose widgets are all of one family loads that
// family's, any other page the bundle of them all — two requests either way. Then every
// widget of the page mounts (their code is there; mounting one by one as each comes near
// would only move the page under the reader's eyes). A widget hidden (display: none) is never near until shown. The styles
// are fetched once (connect-src) and adopted by each shadow root as a constructed
// stylesheet, which a page's CSP `style-src` does not block as it would a <link>.
(() => {
  const me = document.currentScript;
  if (!me || window.Patron) return;
  const site = me.dataset.site;
  const lang = me.dataset.lang || document.documentElement.lang || navigator.language || "en";
  const server = new URL(me.src).origin;
  let sheet;
  const spoken = {};
  // Each widget kind's family (frontend/Cargo.toml; scripts/test.d/widget-families holds
  // the two lists equal). A kind not here goes to the whole bundle, which says it is unknown.
  const families = {
    signup: "signup",
    favourite: "favourites",
    "favourites-list": "favourites",
    reservation: "reservation",
    nps: "surveys",
    reasons: "surveys",
    heard: "surveys",
    warranty: "warranty",
    profile: "profile",
    loyalty: "loyalty",
  };
  // The first answer some widgets ask for when they show (app::widgets::ui::fetched_first):
  // asked for here, while their code downloads — on a phone one round trip less before the
  // form shows. Each gives its server function's endpoint and arguments; the widget looks
  // for the answer under the same key and asks itself when there is none.
  const first = {
    signup: (item, lang) => ["signup_config", { lang }],
    loyalty: (item, lang) => ["loyalty_offer", { lang }],
    nps: (item, lang) => ["question", { kind: "Nps", lang }],
    reasons: (item, lang) => ["question", { kind: "Reasons", lang }],
    heard: (item, lang) => ["question", { kind: "Heard", lang }],
    reservation: (item) => item && ["item", { sku: item }],
    warranty: (item) => ["warranty_config", { sku: item || "" }],
  };
  const preloaded = {};
  const preload = (host, said) => {
    const ask = first[host.dataset.patron]?.(host.dataset.item, said);
    if (!ask) return;
    const [endpoint, args] = ask;
    const key = endpoint + "?" + Object.entries(args).map(([k, v]) => k + "=" + v).join("&");
    preloaded[key] ||= fetch(`${server}/s/${site}/w/${endpoint}`, { method: "POST", body: new URLSearchParams(args) })
      .then((r) => (r.ok ? r.text() : null))
      .catch(() => null);
  };
  const bundles = {};
  // The WASM is asked for with its JS glue, not after it: one round trip less on a phone.
  const load = (name) =>
    (bundles[name] ||= (() => {
      const wasm = fetch(`${server}/v/dev/pkg/${name}_bg.wasm`);
      return import(`${server}/v/dev/pkg/${name}.js`).then((m) => m.default({ module_or_path: wasm }).then(() => m));
    })());
  // The bundle for each of `hosts`: one already loaded that has its widget, else its
  // family's when the new ones are all of one family, else the whole one.
  const choose = (hosts) => {
    const family = (host) => "widgets-" + (families[host.dataset.patron] || "all");
    const have = (host) => (bundles.widgets ? "widgets" : bundles[family(host)] && family(host));
    const wanted = new Set(hosts.filter((host) => !have(host)).map(family));
    const single = wanted.size == 1 && !wanted.has("widgets-all");
    return (host) => have(host) || (single ? family(host) : "widgets");
  };
  const styles = () =>
    (sheet ||= fetch(server + "/v/dev/pkg/widgets.css")
      .then((r) => r.text())
      .then((text) => { const s = new CSSStyleSheet(); s.replaceSync(text); return s; }));
  const language = (asked) =>
    (spoken[asked] ||= fetch(`${server}/s/${site}/w/language`, { method: "POST", body: new URLSearchParams({ lang: asked }) })
      .then((r) => (r.ok ? r.json() : asked))
      .catch(() => asked));
  // Mounts every widget not mounted yet once one is near the viewport (`near`); pages that
  // add widgets later call Patron.scan().
  let near = !("IntersectionObserver" in window), watch;
  // Within a screen's height of the viewport and shown, now: the observer's first report
  // comes a frame later, which on a phone is ~70 ms more before the code is asked for.
  const nearNow = (host) => {
    const box = host.getBoundingClientRect();
    return host.getClientRects().length > 0 && box.top < 2 * innerHeight && box.bottom > -innerHeight;
  };
  const scan = () => {
    const hosts = [...document.querySelectorAll("[data-patron]")].filter((host) => !host.shadowRoot);
    near ||= hosts.some(nearNow);
    if (!near) {
      watch ||= new IntersectionObserver((seen) => {
        if (!seen.some((e) => e.isIntersecting)) return;
        near = true;
        watch.disconnect();
        scan();
      }, { rootMargin: "100% 0px" });
      for (const host of hosts) watch.observe(host);
      return;
    }
    const bundle = choose(hosts);
    for (const host of hosts) {
      const name = bundle(host);
      const root = host.attachShadow({ mode: "open" });
      const box = document.createElement("div");
      box.className = "patron";
      root.append(box);
      const said = language(host.dataset.lang || lang);
      said.then((l) => preload(host, l));
      Promise.all([load(name), styles(), said]).then(
        ([m, s, said]) => {
          root.adoptedStyleSheets = [s];
          m.mount(box, host.dataset.patron, site, said, server, host.dataset.item);
        },
        (e) => console.error("Patron: could not load the widgets", e)
      );
    }
  };
  // A widget takes its preloaded answer once (a second widget of the kind asks anew).
  const take = (key) => {
    const answer = preloaded[key];
    delete preloaded[key];
    return answer;
  };
  window.Patron = { scan, take };
  // Page-path analytics ride along unless the page says data-track="off".
  if (me.dataset.track != "off") {
    const t = document.createElement("script");
    t.src = server + "/track.js";
    t.dataset.site = site;
    t.defer = true;
    document.head.append(t);
  }
  document.readyState == "loading" ? document.addEventListener("DOMContentLoaded", scan) : scan();
})();
