// The report's small inline script: open the <details> around a linked section, expand/collapse all, filter probe rows.

/**
 * Plain ES2017 run at the end of <body> (the DOM is there). It only reads the page: no fetches, no storage, no eval.
 * - a link to #probe-N (or any id inside a closed <details>: a folded section) opens the enclosing <details> and scrolls
 *   to it, also when the link's target is already the page's hash (no hashchange then);
 * - buttons with data-details="open|close" and data-scope="<selector>" open or close every <details> under the scope
 *   (only those matching data-only="<selector>" when given: the folded sections without every transcript);
 * - the select #outcome-filter hides probe-table rows whose data-outcome differs.
 */
export const SCRIPT = `
(function () {
  'use strict';
  function reveal(hash) {
    var id = (typeof hash === 'string' ? hash : location.hash).slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* keep it as written */ }
    var el = id && document.getElementById(id);
    if (!el) return;
    for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    el.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (a && a.getAttribute('href') === location.hash) reveal(location.hash);
  });
  reveal();
  Array.prototype.forEach.call(document.querySelectorAll('button[data-details]'), function (b) {
    b.addEventListener('click', function () {
      var open = b.getAttribute('data-details') === 'open';
      var scope = document.querySelector(b.getAttribute('data-scope') || 'body');
      if (!scope) return;
      Array.prototype.forEach.call(scope.querySelectorAll(b.getAttribute('data-only') || 'details'), function (d) { d.open = open; });
    });
  });
  var filter = document.getElementById('outcome-filter');
  if (filter) filter.addEventListener('change', function () {
    var want = filter.value;
    var shown = 0;
    Array.prototype.forEach.call(document.querySelectorAll('#probe-table tbody tr'), function (tr) {
      var show = !want || tr.getAttribute('data-outcome') === want;
      tr.hidden = !show;
      if (show) shown++;
    });
    var count = document.getElementById('outcome-filter-count');
    if (count) count.textContent = want ? shown + ' shown' : '';
  });
})();
`;
