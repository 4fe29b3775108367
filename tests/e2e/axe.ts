/**
 * axe-core in a page of the built extension. Extension pages forbid inline scripts (CSP), so the library is
 * evaluated through the driver (which CSP does not apply to) instead of an injected <script> tag.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  /** One line per failing node: its selector and axe's summary of why. */
  nodes: string[];
}

/** Every violation of the page as it is now (axe's default rules: WCAG 2.x A/AA and best practices). */
export async function violations(page: Page): Promise<AxeFinding[]> {
  // Injected once per document; re-running it would reset axe's caches mid-test.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    }
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  });
}

/** Serious and critical violations: what the audit must never find. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  return (await violations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
