/* The embedding example's script (public/embed-example.html): drives the embedded atlas through
   its postMessage API and logs what it answers. An external file, so the page needs no inline
   script under its Content-Security-Policy. */
'use strict';
const frame = document.getElementById('atlas');
const log = document.getElementById('log');
const send = (message) => frame.contentWindow.postMessage(message, '*');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || typeof data.type !== 'string' || !data.type.startsWith('kooperationsatlas:')) return;
  const line =
    data.type === 'kooperationsatlas:state'
      ? `${data.type}: ${data.date}, select=${data.select}, ${data.visibleCooperations.length} cooperations`
      : data.type;
  log.textContent = `${line}\n${log.textContent}`;
});
for (const button of document.querySelectorAll('button[data-date]'))
  button.addEventListener('click', () =>
    send({ type: 'kooperationsatlas:set', date: button.dataset.date }),
  );
for (const button of document.querySelectorAll('button[data-select]'))
  button.addEventListener('click', () =>
    send({ type: 'kooperationsatlas:set', select: button.dataset.select || null }),
  );
for (const button of document.querySelectorAll('button[data-play]'))
  button.addEventListener('click', () => send({ type: 'kooperationsatlas:set', play: true }));
document
  .getElementById('get')
  .addEventListener('click', () => send({ type: 'kooperationsatlas:get' }));
