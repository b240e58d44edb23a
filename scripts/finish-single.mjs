#!/usr/bin/env node
// Names the single-file build and checks that it is self-contained.
import { readFileSync, renameSync, statSync } from 'node:fs';

const from = 'dist-single/index.html';
const to = 'dist-single/kooperationsatlas.html';
renameSync(from, to);
const html = readFileSync(to, 'utf8');
const external = [
  ...html.matchAll(
    /<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)=["'](?!data:|#|\$\{)([^"']+)["']/g,
  ),
].map((m) => m[1]);
if (external.length > 0) {
  console.error(`${to} still references other files: ${external.join(', ')}`);
  process.exit(1);
}
console.log(`${to}: ${(statSync(to).size / 1024 / 1024).toFixed(2)} MB, self-contained.`);
