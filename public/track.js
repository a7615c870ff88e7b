// Patron page-path analytics. embed.js loads it (or a page includes it alone):
//   <script src="https://PATRON/track.js" data-site="SITEKEY" defer></script>
// Sets no cookie and stores nothing. Sends, per page view: the page URL (the server keeps the
// path and utm_* values only), the referrer, the viewport width, the language; then how long
// the page was visible. Follows single-page apps (pushState, replaceState, popstate).
// Honours Do Not Track and Global Privacy Control: then it sends nothing at all.
// patron.track("name", {props}) records a custom event (a goal).
(() => {
  const me = document.currentScript, n = navigator, w = window;
  if (!me || w.patron || n.doNotTrack == "1" || w.doNotTrack == "1" || n.globalPrivacyControl) return;
  const site = me.dataset.site, url = new URL(me.src).origin + "/s/" + site + "/a";
  let view, shown = 0, since = 0, ref = document.referrer, page = location.href, queue = [];
  // Events of one moment (a leave report and the next page's view) go in one request.
  const flush = () => {
    if (!queue.length) return;
    // The list written by hand: an old library on the page (Prototype 1.6) can give
    // arrays a toJSON that makes JSON.stringify write the list as one string.
    const body = queue[1] ? "[" + queue.map((e) => JSON.stringify(e)).join(",") + "]" : JSON.stringify(queue[0]);
    queue = [];
    n.sendBeacon ? n.sendBeacon(url, body) : fetch(url, { method: "POST", body, keepalive: true });
  };
  const send = (e) => {
    e.i = view;
    e.u = location.href;
    queue.push(e) > 1 || queueMicrotask(flush);
  };
  // Time visible so far: counted only while the page is shown.
  const visible = () => shown + (since ? Date.now() - since : 0);
  const leave = () => view && send({ k: "l", d: visible() });
  const start = () => {
    view = Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
    shown = 0;
    since = document.hidden ? 0 : Date.now();
    let t;
    try { t = JSON.parse(localStorage.getItem("patron:" + site + ":visitor")); } catch (_) {}
    send({ k: "v", r: ref, w: innerWidth, l: n.language, t: t || undefined });
  };
  const moved = () => {
    if (location.href == page) return;
    leave();
    ref = page;
    page = location.href;
    start();
  };
  for (const f of ["pushState", "replaceState"]) {
    const orig = history[f];
    history[f] = function () { const r = orig.apply(this, arguments); moved(); return r; };
  }
  addEventListener("popstate", moved);
  addEventListener("visibilitychange", () => {
    if (document.hidden) { shown = visible(); since = 0; leave(); flush(); } else since = Date.now();
  });
  addEventListener("pagehide", () => { leave(); flush(); });
  w.patron = { track: (name, props) => send({ k: "e", n: name, p: props }) };
  start();
})();
