/**
 * Debian's Chromium as the end-to-end tests, the benchmarks and Lighthouse start it: the brief's
 * flags, with WebGL through SwiftShader and the page composited in software, as on any machine
 * without a GPU. (--use-angle=swiftshader would emulate a GPU for the whole page instead; the
 * benchmark measures that once, for scale.)
 */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
];
