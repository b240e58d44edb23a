#!/usr/bin/env node
// Names the single-file build, gives it a strict Content-Security-Policy (the inline script is
// allowed by its hash) and checks that it is self-contained.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

const from = 'dist-single/index.html';
const to = 'dist-single/kooperationsatlas.html';
renameSync(from, to);
let html = readFileSync(to, 'utf8');

const external = [
  ...html.matchAll(
    /<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)=["'](?!data:|#|\$\{)([^"']+)["']/g,
  ),
].map((m) => m[1]);
if (external.length > 0) {
  console.error(`${to} still references other files: ${external.join(', ')}`);
  process.exit(1);
}

// Everything is inline: scripts by hash; data and MapLibre's worker come from data:/blob: URLs
// (opened from file://, MapLibre starts its worker from a data: URL).
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => m[1].length > 0)
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const csp = [
  "default-src 'none'",
  `script-src ${hashes.join(' ')}`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  'connect-src data: blob:',
  'worker-src blob: data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(
  '<meta charset="UTF-8" />',
  `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
);
if (!html.includes('http-equiv="Content-Security-Policy"')) {
  console.error(`${to}: could not insert the Content-Security-Policy`);
  process.exit(1);
}
writeFileSync(to, html);
console.log(
  `${to}: ${(statSync(to).size / 1024 / 1024).toFixed(2)} MB, self-contained, CSP with ${hashes.length} script hash(es).`,
);
