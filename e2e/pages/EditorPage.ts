/** Page object for the library's New map flow and the map editor. */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPage {
  constructor(readonly page: Page) {}

  async createMap(template: 'Blank' | 'Airline' | 'E-commerce', title: string): Promise<string> {
    await this.page.goto('/');
    await this.page.getByRole('button', { name: 'New map' }).click();
    await this.page.getByRole('radio', { name: new RegExp(`^${template}`) }).check();
    await this.page.getByRole('textbox', { name: 'Title' }).fill(title);
    await this.page.getByRole('button', { name: 'Create map' }).click();
    await expect(this.page.getByRole('textbox', { name: 'Map title' })).toHaveValue(title);
    const id = /#\/map\/([^?]+)/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`not on a map page: ${this.page.url()}`);
    return id;
  }

  /** Opens the toolbar's View menu (snap, wheel, evidence key and filter) unless it is open. */
  async viewMenu(): Promise<Locator> {
    const menu = this.page.getByRole('dialog', { name: 'View settings' });
    if ((await menu.count()) === 0) await this.button('View').click();
    await expect(menu).toBeVisible();
    return menu;
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  node(label: string): Locator {
    return this.page
      .locator('.react-flow__node')
      .filter({ has: this.page.locator('.jn-label', { hasText: new RegExp(`^${label}$`) }) });
  }

  get label(): Locator {
    return this.page.getByRole('textbox', { name: 'Label', exact: true });
  }

  /** Adds a node with the toolbar and renames it in the inspector. */
  async add(kind: 'stage' | 'channel' | 'device' | 'note', label: string): Promise<void> {
    await this.button(`Add ${kind}`).click();
    await expect(this.label).toBeFocused();
    await this.label.fill(label);
    await expect(this.node(label)).toBeVisible();
  }

  async select(label: string): Promise<void> {
    await this.node(label).locator('.jn-label').click();
    await expect(this.label).toHaveValue(label);
  }

  /**
   * Selects a node from the keyboard (focus it, press Enter), as a keyboard user does: works
   * even when another node covers it on the canvas.
   */
  async selectWithKeyboard(label: string): Promise<void> {
    const node = this.page.getByRole('group', { name: label, exact: true });
    await node.focus();
    await node.press('Enter');
    await expect(this.label).toHaveValue(label);
  }

  /** Drags from a side handle of one node and drops on the body of another. */
  async link(from: string, to: string): Promise<void> {
    const source = this.node(from);
    await this.button('Fit view').click();
    await expect(source).toBeInViewport({ ratio: 0.99 });
    await expect(this.node(to)).toBeInViewport({ ratio: 0.99 });
    // Wait for the node to stop moving: two reads in a row give the same box.
    let previous = '';
    await expect
      .poll(async () => {
        const now = JSON.stringify(await source.boundingBox());
        const still = now === previous;
        previous = now;
        return still;
      })
      .toBe(true);
    await source.hover();
    const handle = source.locator('.react-flow__handle-bottom');
    const hb = (await handle.boundingBox())!;
    const tb = (await this.node(to).boundingBox())!;
    await this.page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** The node's position in flow coordinates (independent of pan and zoom). */
  async position(label: string): Promise<{ x: number; y: number }> {
    // The canvas renders only on-screen nodes: bring an off-screen one into view first.
    if ((await this.node(label).count()) === 0) await this.button('Fit view').click();
    const transform =
      (await this.node(label).evaluate((el) => (el as HTMLElement).style.transform)) ?? '';
    const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(transform);
    if (!m) throw new Error(`no position on ${label}: ${transform}`);
    return { x: Math.round(Number(m[1])), y: Math.round(Number(m[2])) };
  }
}
