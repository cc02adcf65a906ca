/**
 * The accessibility bar of every screen and panel the user stories show: axe-core's WCAG 2.0
 * and 2.1 A/AA rules (colour contrast included) on the page as it is at that moment. A failure
 * lists each violation as rule id, impact, help text and the selectors of the offending nodes,
 * so it can be fixed without opening a trace.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** One readable block per violation: what, why, where (selector and the failing check). */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map(
          (n) =>
            `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`,
        )
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Runs axe on the page (or on `include`, a CSS selector) and fails with the readable list.
 * `context` names the screen in the failure message, e.g. "library, empty". The assertion is
 * soft: the user story goes on, so one run lists the violations of every screen it shows
 * (the test still fails at its end).
 */
export async function expectNoA11yViolations(
  page: Page,
  context: string,
  options: { include?: string; exclude?: readonly string[] } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([...A11Y_TAGS]);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  expect
    .soft(
      violations.map((v) => v.id),
      `accessibility violations on ${context}:\n${formatViolations(violations)}`,
    )
    .toEqual([]);
}
