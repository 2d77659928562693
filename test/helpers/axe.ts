import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read once. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What a violation says about one offending element, short enough to read in a test failure. */
interface Finding {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** The impacts issue 10 forbids; "moderate" and "minor" are reported by axe but tolerated. */
const FORBIDDEN = new Set(['serious', 'critical']);

/** The WCAG 2.0/2.1 A and AA rules plus best practices: the rules axe runs unless told `allRules`. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core (the WCAG tags above, or with `allRules` every rule axe has) on what `page` shows
 * now and returns the serious and critical violations; the page is left as it was.
 */
export async function seriousA11yViolations(
  page: Page,
  selector?: string,
  { allRules = false }: { allRules?: boolean } = {},
): Promise<Finding[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') would refuse an
  // inline <script>, and the test must not loosen the policy it also checks.
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  // Colours are read as they are drawn: a tooltip or dialog still fading in (a CSS transition) reads
  // as low contrast. Spinners' endless animations are not transitions, so they are not waited for.
  await page.waitForFunction(
    () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
    undefined,
    { timeout: 5000 },
  );
  const found = await page.evaluate(
    async ({ context, tags }) => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is a global the injected script defines
      const axe = (window as any).axe;
      const result = await axe.run(context ?? document, {
        ...(tags && { runOnly: { type: 'tag', values: tags } }),
        resultTypes: ['violations'],
      });
      return (
        result.violations as {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[]; html: string; failureSummary?: string }[];
        }[]
      ).map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({
          target: n.target.map(String).join(' '),
          html: n.html.replace(/\s+/g, ' ').slice(0, 160),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240),
        })),
      }));
    },
    { context: selector ?? null, tags: allRules ? null : WCAG_TAGS },
  );
  return found.filter((v) => FORBIDDEN.has(v.impact));
}

/** One readable line per offending element: which rule, where, and axe's own explanation. */
export function describeViolations(label: string, violations: Finding[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${label}: [${v.impact}] ${v.id} (${v.help}) at ${n.target} ${n.html} — ${n.summary}`,
      ),
    )
    .join('\n');
}

/**
 * Fails the test when axe finds any serious or critical violation on what `page` shows now,
 * listing each rule and element. `label` names the page or dialog in the message
 * ("contacts, dark"); `selector` narrows the check to one part of the page.
 */
export async function expectNoSeriousA11y(page: Page, label: string, selector?: string): Promise<void> {
  const violations = await seriousA11yViolations(page, selector);
  // A thrown message keeps every line; an equality diff would cut the list short.
  if (violations.length > 0) {
    throw new Error(
      `axe: serious or critical violations on ${label}\n${describeViolations(label, violations)}`,
    );
  }
}

/**
 * Every axe rule (not only the WCAG tags above), colour contrast included, inside `selector`: the
 * serious and critical findings as one line each. The theme meets WCAG AA (web/src/app/theme.ts).
 */
export async function axeSeriousAllRules(page: Page, selector: string): Promise<string[]> {
  const violations = await seriousA11yViolations(page, selector, { allRules: true });
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`);
}
