/**
 * The grid as a picture: an off-screen, unclipped copy of the journey grid's DOM (the whole
 * grid, not the part scrolled into view), framed like the canvas picture (title band, legend).
 *
 * The copy keeps its classes, so the page's rules that match it are embedded (rasterize.ts);
 * the grid's ancestors are copied as `display: contents` boxes carrying their classes, so a
 * rule written as `.editor .journey-grid …` still matches and no ancestor adds a box. Scroll
 * containers inside the copy stop clipping, sticky headers become ordinary boxes (a picture
 * does not scroll), editing chrome (`[data-export-ignore]`, peer cursors) and selection states
 * go, and form fields being typed in show what they hold.
 *
 * Two steps, because the plan needs the grid's size: `prepareGridExport` lays the copy out in
 * a hidden host and measures it; `frame(plan)` builds the picture around it.
 */
import {
  contentBox,
  framePicture,
  hiddenHost,
  ignoredSelector,
  type ComposedExport,
  type Legend,
} from './compose';
import type { ImagePlan, Rect } from './geometry';
import type { PersonaCards } from './personaCards';

/** What to export from the journey grid. */
export interface GridSource {
  /** The grid's root element (`data-testid="journey-grid"`), live or rendered off-screen. */
  readonly gridRoot: HTMLElement;
  readonly title: string;
  readonly subtitle?: string;
  readonly legend: Legend | null;
  /** Persona cards under the grid (ImageOptions.includePersonas); null or absent: none. */
  readonly personas?: PersonaCards | null;
  /** Keep the review comment badges (ImageOptions.includeComments). */
  readonly keepComments?: boolean;
  /** The grid's editing chrome as a CSS selector (add buttons, menus), given by the view. */
  readonly chrome?: string;
}

export interface PreparedGrid {
  /** The whole grid's size, px, at (0, 0). */
  readonly bounds: Rect;
  /** Builds the picture around the copy (once); `dispose()` removes everything. */
  frame(plan: ImagePlan, background: string | null): ComposedExport;
  dispose(): void;
}

/** Never in a picture of the grid. */
const chromeOf = (keepComments: boolean) =>
  `${ignoredSelector(keepComments)}, [class*="peer-cursor"], [data-peer-cursor]`;
/** Classes that draw a selection or focus state; removed from the copy. */
const STATE_CLASSES = [
  'selected',
  'peer-selected',
  'is-selected',
  'is-peer',
  'is-drop',
  'is-focused',
  'is-active',
];
const SCROLLS = /(auto|scroll|hidden|clip)/;

/** The live grid's full width: its own scroll width, or its scroll container's. */
function wholeWidth(grid: HTMLElement): number {
  let w = Math.max(grid.scrollWidth, grid.getBoundingClientRect().width);
  for (const e of grid.querySelectorAll<HTMLElement>('*')) {
    if (e.scrollWidth > e.clientWidth + 1 && SCROLLS.test(getComputedStyle(e).overflowX))
      w = Math.max(w, e.scrollWidth + (grid.getBoundingClientRect().width - e.clientWidth));
  }
  return Math.ceil(w);
}

/** Copies what people typed into fields (a clone has the attributes, not the values). */
function copyFieldValues(live: HTMLElement, copy: HTMLElement): void {
  const from = live.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  const to = copy.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  from.forEach((f, i) => {
    const t = to[i];
    if (!t) return;
    if (t instanceof HTMLTextAreaElement) t.textContent = f.value;
    else if (t.type === 'checkbox' || t.type === 'radio') {
      if ((f as HTMLInputElement).checked) t.setAttribute('checked', '');
      else t.removeAttribute('checked');
    } else t.setAttribute('value', f.value);
  });
}

/** The grid's ancestors (below body) as `display: contents` boxes with their classes; returns [outer, inner]. */
function ancestorChain(grid: HTMLElement): [HTMLElement, HTMLElement] | null {
  const chain: Element[] = [];
  for (let e = grid.parentElement; e && e !== document.body; e = e.parentElement) chain.push(e);
  let outer: HTMLElement | null = null;
  let inner: HTMLElement | null = null;
  for (const a of chain.reverse()) {
    if (!a.className || typeof a.className !== 'string') continue;
    const box = document.createElement('div');
    box.className = a.className;
    box.style.display = 'contents';
    if (inner) inner.append(box);
    else outer = box;
    inner = box;
  }
  return outer && inner ? [outer, inner] : null;
}

/** Makes the copy a still picture of the whole grid. */
function unclip(
  copy: HTMLElement,
  width: number,
  chrome: string | undefined,
  keepComments: boolean,
): void {
  const always = chromeOf(keepComments);
  copy.querySelectorAll(chrome ? `${always}, ${chrome}` : always).forEach((e) => e.remove());
  copy.querySelectorAll('[tabindex]').forEach((e) => e.removeAttribute('tabindex'));
  for (const cls of STATE_CLASSES)
    copy.querySelectorAll(`.${cls}`).forEach((e) => e.classList.remove(cls));
  copy.removeAttribute('data-testid'); // one journey-grid in the page (tests look it up)
  copy.removeAttribute('id');
  // No duplicate ids in the page while the copy exists (labels, aria references); SVG ids stay,
  // a gradient or marker may be referenced by url(#id) inside the picture.
  copy.querySelectorAll('[id]').forEach((e) => {
    if (!(e instanceof SVGElement)) e.removeAttribute('id');
  });
  Object.assign(copy.style, {
    width: `${width}px`,
    minWidth: `${width}px`,
    maxWidth: 'none',
    height: 'auto',
    maxHeight: 'none',
    overflow: 'visible',
    position: 'relative',
    left: '0',
    top: '0',
    margin: '0',
  });
}

/** After the copy is laid out: scroll containers stop clipping, sticky boxes stop sticking. */
function settle(copy: HTMLElement): void {
  for (const e of [copy, ...copy.querySelectorAll<HTMLElement>('*')]) {
    const cs = getComputedStyle(e);
    if (cs.position === 'sticky') {
      e.style.position = 'relative';
      e.style.top = e.style.left = e.style.right = e.style.bottom = 'auto';
    }
    if (e !== copy && (/(auto|scroll)/.test(cs.overflowX) || /(auto|scroll)/.test(cs.overflowY))) {
      e.style.overflow = 'visible';
      e.style.maxHeight = 'none';
      e.style.maxWidth = 'none';
      e.style.height = 'auto';
    }
  }
}

/** A box the grid should fit well (a 16:9 slide's content box), and how far it may be enlarged. */
export interface FitBox {
  readonly width: number;
  readonly height: number;
  readonly maxZoom: number;
}

/** Widths tried for a slide, as multiples of the grid's width on screen (wider = less wrapping, shorter rows). */
const SLIDE_WIDTHS = [1, 1.25, 1.5, 2, 2.5];

/**
 * Lays an unclipped copy of the grid out off-screen and measures it: at the grid's width on
 * screen, or, given `fit`, at the width (from the screen's up to 2.5 times it) whose shape
 * fits the box largest, so a slide is not a tall strip of narrow columns.
 */
export function prepareGridExport(source: GridSource, fit?: FitBox): PreparedGrid {
  const live = source.gridRoot;
  const screenWidth = wholeWidth(live);
  const copy = live.cloneNode(true) as HTMLElement;
  copyFieldValues(live, copy);
  unclip(copy, screenWidth, source.chrome, source.keepComments === true);
  const host = hiddenHost();
  // Laid out at its natural size in a box as wide as the grid (the hidden host clips it).
  const stage = document.createElement('div');
  Object.assign(stage.style, { position: 'absolute', left: '0', top: '0' });
  const chain = ancestorChain(live);
  if (chain) {
    chain[1].append(copy);
    stage.append(chain[0]);
  } else stage.append(copy);
  host.append(stage);
  document.body.append(host);
  settle(copy);
  const measureAt = (width: number): Rect => {
    stage.style.width = copy.style.width = copy.style.minWidth = `${width}px`;
    const rect = copy.getBoundingClientRect();
    return {
      x: 0,
      y: 0,
      width: Math.ceil(Math.max(rect.width, copy.scrollWidth, width)),
      height: Math.ceil(Math.max(rect.height, copy.scrollHeight, 1)),
    };
  };
  let bounds = measureAt(screenWidth);
  if (fit) {
    const zoomOf = (b: Rect) => Math.min(fit.width / b.width, fit.height / b.height, fit.maxZoom);
    let best = { bounds, zoom: zoomOf(bounds), width: screenWidth };
    let laidOutAt = screenWidth;
    for (const k of SLIDE_WIDTHS.slice(1)) {
      laidOutAt = Math.round(screenWidth * k);
      const b = measureAt(laidOutAt);
      const zoom = zoomOf(b);
      // A wider layout only when it is clearly larger on the slide.
      if (zoom > best.zoom * 1.02) best = { bounds: b, zoom, width: laidOutAt };
    }
    bounds = best.width === laidOutAt ? best.bounds : measureAt(best.width);
  }
  const dispose = () => host.remove();
  return {
    bounds,
    dispose,
    frame(plan, background) {
      const root = framePicture(plan, background, live, source);
      const content = contentBox(plan);
      const v = plan.viewport;
      Object.assign(stage.style, {
        width: `${bounds.width}px`,
        height: `${bounds.height}px`,
        transformOrigin: '0 0',
        transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})`,
      });
      content.append(stage);
      root.prepend(content);
      host.append(root);
      return { element: root, dispose };
    },
  };
}
