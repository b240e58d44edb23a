/*
 * Kooperationsatlas: gives embedded atlas iframes the height they ask for.
 * Put `data-kooperationsatlas` on the iframe and load this file once on the page:
 *   <iframe data-kooperationsatlas src="https://…/?embed=1" title="…" style="border:0;width:100%;height:500px"></iframe>
 *   <script src="https://…/embed-resize.js" async></script>
 * The atlas posts { type: 'kooperationsatlas:resize', height } when the height it wants changes
 * (16:10 of its width, or the matrix's content). Only iframes marked as above are resized, and
 * only by messages from their own window. No inline script: works under a strict CSP.
 */
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'kooperationsatlas:resize' || typeof data.height !== 'number')
      return;
    if (!isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-kooperationsatlas]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      frames[i].style.aspectRatio = 'auto';
      frames[i].style.height = Math.max(200, Math.min(3000, Math.round(data.height))) + 'px';
    }
  });
})();
