// Runs before the first paint (a classic script in <head>, a file so the strict CSP allows it):
// applies the saved language, theme and text size (src/settings.rs writes the same keys), and
// fits index.html's static frame to the visit as the parser adds it: English texts from its
// `data-en` attributes, and each page's first screen (`data-path`) only on that page. So the page paints its
// real frame, in the user's language, before the app's wasm has arrived; the app then
// replaces it with the same layout (e2e/tests/first-paint.spec.js checks both).
(function () {
  var d = document.documentElement;
  var get = function (k) {
    try { return localStorage.getItem(k); } catch (e) { return null; } // some in-app browsers throw
  };
  var lang = get('qiaosi.lang');
  var theme = get('qiaosi.theme');
  if (lang === 'en' || lang === 'zh-CN') d.lang = lang;
  if (theme) d.setAttribute('data-theme', theme);
  if (get('qiaosi.large') === '1') d.classList.add('large-text');
  var en = d.lang === 'en';
  var path = location.pathname;
  var home = path === '/';
  // The tab lit for this address, as the app's routes::Page::section decides.
  var first = path.split('/')[1] || '';
  var section = { checkin: 'me', passport: 'me', staff: 'me', desk: 'me', survey: 'me' }[first] || first;
  var fit = function (el) {
    var only = el.getAttribute('data-path');
    if (only !== null && only !== path) { el.remove(); return; }
    // Pages with no static first screen say they are loading (the app shows the same line).
    if (el.hasAttribute('data-path-other') && (home || path === '/places' || path === '/checkin')) { el.remove(); return; }
    // A category chip is current when it is the address shown (`/places` for "all").
    if (el.classList.contains('chip') && path === '/places' && el.getAttribute('href') === path + location.search) el.setAttribute('aria-current', 'page');
    if (el.classList.contains('tab') && el.getAttribute('href') === '/' + section) el.setAttribute('aria-current', 'page');
    // The app's <A> marks a link to the page shown (the brand, on `/`).
    if (el.classList.contains('brand') && home) el.setAttribute('aria-current', 'page');
    if (!en) return;
    var t = el.getAttribute('data-en');
    if (t !== null) el.textContent = t;
    var a = el.getAttribute('data-en-label');
    if (a !== null) el.setAttribute('aria-label', a);
    var p = el.getAttribute('data-en-placeholder');
    if (p !== null) el.setAttribute('placeholder', p);
    if (el.classList.contains('lang-switch')) el.setAttribute('lang', 'zh-CN');
  };
  // Mutation records are delivered between parser steps, before anything is painted.
  var watch = new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        if (n.nodeType !== 1) return;
        fit(n);
        if (n.querySelectorAll) n.querySelectorAll('[data-en],[data-path],[data-path-other],[data-en-label],[data-en-placeholder],.tab,.brand,.chip').forEach(fit);
      });
    });
  });
  watch.observe(d, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', function () { watch.disconnect(); });
  // A button of the static frame tapped before the app has arrived: the app taps its own copy
  // once it has taken over (src/main.rs), so the tap is not lost on a slow network.
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('#boot [data-replay]');
    if (b) d.setAttribute('data-replay', b.getAttribute('data-replay'));
  });
})();
