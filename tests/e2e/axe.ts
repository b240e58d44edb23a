/** axe-core in the page: inject it, run the WCAG 2.0/2.1 A + AA rules, report what fails. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeNode {
  target: string[];
  failureSummary: string;
  html: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe on the whole document. `exclude` lists CSS selectors of subtrees axe skips; every
 * caller that passes one must say why in a comment.
 */
export async function runAxe(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, so a Content-Security-Policy cannot block it.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, exclude }) => {
      interface AxeResult {
        id: string;
        impact?: string | null;
        help: string;
        helpUrl: string;
        nodes: { target: unknown[]; failureSummary?: string; html: string }[];
      }
      const axe = (
        window as unknown as {
          axe: {
            run: (context: unknown, options: unknown) => Promise<{ violations: AxeResult[] }>;
          };
        }
      ).axe;
      const context = exclude.length
        ? { include: [document], exclude: exclude.map((s) => [s]) }
        : document;
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
          failureSummary: n.failureSummary ?? '',
          html: n.html.slice(0, 200),
        })),
      }));
    },
    { tags: WCAG_TAGS, exclude },
  );
}

/** Violations that block: impact serious or critical. */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable list for an assertion message. */
export function formatViolations(view: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${view}: no violations`;
  const lines = [`${view}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.nodes.length} node(s))`);
    for (const n of v.nodes.slice(0, 8)) {
      lines.push(`    target: ${n.target.join(' | ')}`);
      lines.push(`      ${n.html}`);
      for (const line of n.failureSummary.split('\n')) if (line.trim()) lines.push(`      ${line}`);
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more node(s)`);
  }
  return lines.join('\n');
}
