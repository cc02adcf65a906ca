/**
 * Contract test of the React Flow adapter (src/view/canvas/flowContract.ts): a node nobody
 * points at renders plain elements in place of React Flow's <Handle>s, and React Flow must not
 * be able to tell. Checked in a real browser, as React Flow measures and looks handles up:
 *
 * - the plain handles of a node have the real <Handle>s' data attributes, classes and boxes
 *   (hovering a node swaps the real ones in, so the two are compared on the same node);
 * - a touchpoint between two nodes React Flow measured with plain handles (after a reload
 *   nothing is hovered or selected) starts and ends exactly where the real handles are;
 * - rendered node sizes are the model's NODE_SIZE (the CSS reads them from canvasCssVars.ts);
 * - React Flow still shows a node through its inline `visibility` (the adapter's probe).
 *
 * If this fails after a React Flow upgrade, the adapter's contract changed: see its header.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { NODE_SIZE } from '../src/model/geometry';
import { EditorPage } from './pages/EditorPage';

/** React Flow's own state classes on a real handle, which plain handles leave out. */
const STATE_CLASSES = new Set([
  'connectionindicator',
  'connectingfrom',
  'connectingto',
  'clickconnecting',
  'valid',
]);

interface HandleDom {
  attrs: Record<string, string>;
  classes: string[];
  /** Box relative to the node's box, in screen px. */
  box: { x: number; y: number; width: number; height: number };
  live: boolean;
}

/** The handles of a node as React Flow sees them: data attributes, classes, boxes. */
function handlesOf(node: Locator): Promise<HandleDom[]> {
  return node.evaluate((el) => {
    const nb = el.getBoundingClientRect();
    return [...el.querySelectorAll<HTMLElement>('.react-flow__handle')].map((h) => {
      const b = h.getBoundingClientRect();
      const attrs: Record<string, string> = {};
      for (const a of [...h.attributes])
        if (a.name.startsWith('data-') || a.name === 'style') attrs[a.name] = a.value;
      return {
        attrs,
        classes: [...h.classList].sort(),
        box: { x: b.left - nb.left, y: b.top - nb.top, width: b.width, height: b.height },
        live: h.classList.contains('connectionindicator'),
      };
    });
  });
}

/** The canvas zoom, from React Flow's viewport transform. */
async function zoomOf(page: Page): Promise<number> {
  const t = await page
    .locator('.react-flow__viewport')
    .evaluate((e) => (e as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? NaN);
}

/** Moves the pointer off the canvas, so no node is hovered. */
const pointerAway = (page: Page) => page.mouse.move(1430, 890);

test.beforeEach(async ({ page }) => {
  // Record the inline visibility each node wrapper had when it entered the DOM.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __nodeVisibility: string[] }).__nodeVisibility = seen;
    new MutationObserver((records) => {
      for (const r of records)
        r.addedNodes.forEach((n) => {
          if (n instanceof HTMLElement && n.classList.contains('react-flow__node'))
            seen.push(n.style.visibility);
        });
    }).observe(document, { childList: true, subtree: true });
  });
});

test('plain handles are what React Flow measures and looks up as its own', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Blank', 'Flow contract');
  await editor.add('stage', 'Alpha');
  await editor.add('channel', 'Beta');
  await editor.add('device', 'Gamma');
  await editor.add('note', 'Delta');
  await editor.link('Alpha', 'Beta');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // The link is in IndexedDB before the reload: the save status reads "Saved" again. (A
  // reload while the write is in flight can lose it; it once did on a loaded CI machine.)
  await expect(page.locator('.save-status')).toHaveClass(/status-saved/);
  // After a reload nothing is selected or hovered: React Flow measures every node with plain
  // handles.
  await pointerAway(page);
  await page.reload();
  const alpha = editor.node('Alpha');
  const beta = editor.node('Beta');
  await expect(alpha).toBeVisible();
  await editor.button('Fit view').click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  for (const label of ['Alpha', 'Beta']) {
    const node = editor.node(label);
    await pointerAway(page);
    await expect.poll(async () => (await handlesOf(node)).some((h) => h.live)).toBe(false);
    const plain = await handlesOf(node);
    await node.locator('.jn-label').hover();
    await expect.poll(async () => (await handlesOf(node)).every((h) => h.live)).toBe(true);
    const real = await handlesOf(node);
    expect(plain.map((h) => h.attrs['data-handleid'])).toEqual(['t', 'r', 'b', 'l']);
    expect(plain.map((h) => h.attrs)).toEqual(real.map((h) => h.attrs));
    expect(plain.map((h) => h.classes)).toEqual(
      real.map((h) => h.classes.filter((c) => !STATE_CLASSES.has(c))),
    );
    // The same boxes, to a hundredth of a pixel: at a fractional zoom the browser's layout can
    // land 0.0001 px apart between two reads of one box (a CI run once failed on that).
    expect(plain).toHaveLength(real.length);
    const drift = plain.flatMap((h, i) => {
      const r = real[i]!.box;
      return [h.box.x - r.x, h.box.y - r.y, h.box.width - r.width, h.box.height - r.height];
    });
    expect(Math.max(...drift.map(Math.abs))).toBeLessThan(0.01);
  }

  // The touchpoint React Flow drew from the plain-handle measurement starts at the bottom
  // centre of Alpha's real bottom handle and ends at the top centre of Beta's real top handle.
  const zoom = await zoomOf(page);
  const end = async (node: Locator, label: string, id: 'b' | 't') => {
    await node.locator('.jn-label').hover();
    await expect.poll(async () => (await handlesOf(node)).every((h) => h.live)).toBe(true);
    const h = (await handlesOf(node)).find((x) => x.attrs['data-handleid'] === id)!;
    const at = await editor.position(label);
    return {
      x: at.x + (h.box.x + h.box.width / 2) / zoom,
      y: at.y + (h.box.y + (id === 'b' ? h.box.height : 0)) / zoom,
    };
  };
  const from = await end(alpha, 'Alpha', 'b');
  const to = await end(beta, 'Beta', 't');
  const d = (await page.locator('.react-flow__edge-path').getAttribute('d')) ?? '';
  const nums = [...d.matchAll(/-?[\d.]+/g)].map((m) => Number(m[0]));
  expect(nums.length).toBeGreaterThanOrEqual(4);
  expect(nums[0]).toBeCloseTo(from.x, 1);
  expect(nums[1]).toBeCloseTo(from.y, 1);
  expect(nums[nums.length - 2]).toBeCloseTo(to.x, 1);
  expect(nums[nums.length - 1]).toBeCloseTo(to.y, 1);

  // Node sizes as rendered are the model's (short labels: no node grew with its text).
  for (const [label, kind] of [
    ['Alpha', 'stage'],
    ['Beta', 'channel'],
    ['Gamma', 'device'],
    ['Delta', 'note'],
  ] as const) {
    const box = (await editor.node(label).boundingBox())!;
    expect({ w: box.width / zoom, h: box.height / zoom }).toEqual({
      w: expect.closeTo(NODE_SIZE[kind].w, 1),
      h: expect.closeTo(NODE_SIZE[kind].h, 1),
    });
  }

  // The visibility probe: React Flow still shows and hides nodes by their inline visibility.
  const seen = await page.evaluate(
    () => (window as unknown as { __nodeVisibility: string[] }).__nodeVisibility,
  );
  expect(seen.length).toBeGreaterThan(0);
  for (const v of seen) expect(['hidden', 'visible']).toContain(v);
  const now = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).style.visibility));
  expect(now).toEqual(now.map(() => 'visible'));
});
