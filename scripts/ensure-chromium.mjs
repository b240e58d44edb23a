#!/usr/bin/env node
// Makes sure a Chromium for the browser tests exists. Order: $CHROMIUM_PATH, /usr/bin/chromium,
// then Debian's package via apt-get when running as root; otherwise stop with a clear message.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH points to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  process.exit(1);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log('Chromium is missing: installing Debian\'s "chromium" package with apt-get …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
    {
      stdio: 'inherit',
      env,
    },
  );
  if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error(
  [
    'The browser tests need Chromium, and none was found at /usr/bin/chromium.',
    'Install it with:   sudo apt-get install chromium   (Debian/Ubuntu)',
    'or point CHROMIUM_PATH to a Chromium or Chrome binary, e.g.:',
    '  CHROMIUM_PATH=/usr/bin/google-chrome npm test',
  ].join('\n'),
);
process.exit(1);
