/*
 * Kooperationsatlas: a plain-text way out when the app cannot start — e.g. in an iframe with
 * `sandbox="allow-scripts"` but without `allow-same-origin` on a server that does not send
 * `Access-Control-Allow-Origin` for the app's files (the browser then refuses the module scripts
 * and the data). A classic script (it needs no CORS), placed before the app's module script, so
 * it sees that script's error (index.html puts it first in <head>). Shows a short bilingual text and a link to the full view.
 * No inline script: works under a strict CSP (script-src 'self').
 */
(function () {
  'use strict';
  var shown = false;
  function fallback() {
    if (shown) return;
    var root = document.getElementById('root');
    if (!root || document.documentElement.getAttribute('data-ready') === 'true') return;
    shown = true;
    var url = new URL(window.location.href);
    url.searchParams.delete('embed');
    url.hash = '';
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'boot-fallback');
    box.style.cssText =
      'font:16px/1.5 system-ui,sans-serif;padding:16px;max-width:40em;color:#1d2b36;background:#fff';
    var de = document.createElement('p');
    de.lang = 'de';
    de.textContent =
      'Die Karte konnte in diesem Rahmen nicht starten (die einbettende Seite erlaubt ihr nicht, ihre Dateien zu laden).';
    var en = document.createElement('p');
    en.lang = 'en';
    en.textContent =
      'The map could not start in this frame (the embedding page does not let it load its files).';
    var link = document.createElement('a');
    link.href = url.toString();
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent =
      'Karte im Kooperationsatlas öffnen / Open the map in the Kooperationsatlas ↗';
    box.append(de, en, link);
    root.replaceChildren(box);
  }
  // The app's module script failing to load fires an error event on its <script> element.
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target.tagName === 'SCRIPT' && target.type === 'module') fallback();
    },
    true,
  );
  // And if nothing started at all within a generous time.
  // (index.html's page shell stands in the root until the app's first render replaces it.)
  window.setTimeout(function () {
    var root = document.getElementById('root');
    if (root && (!root.hasChildNodes() || root.querySelector('.boot-shell'))) fallback();
  }, 20000);
})();
