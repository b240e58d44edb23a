/**
 * Serves the builds for the end-to-end tests on loopback: the test build (dist-e2e/, with the
 * fault probes of app/fault.ts) for almost every test, and the production build (dist/) for the
 * tests that must see exactly what ships.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

const servers: PreviewServer[] = [];

async function serve(outDir: string): Promise<string> {
  if (!existsSync(`${outDir}/index.html`))
    throw new Error(`${outDir}/ is missing: run \`npm run test:e2e\`, which builds it.`);
  const server = await preview({
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  servers.push(server);
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report its URL');
  return url.replace(/\/$/, '');
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // KA_E2E_DIST / KA_PROD_DIST: other build folders (two people testing on one machine).
  project.provide('baseUrl', await serve(process.env['KA_E2E_DIST'] ?? 'dist-e2e'));
  project.provide('productionUrl', await serve(process.env['KA_PROD_DIST'] ?? 'dist'));
  return async () => {
    for (const s of servers) await s.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    productionUrl: string;
  }
}
