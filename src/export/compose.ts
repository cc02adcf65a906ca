/**
 * Builds the DOM that is turned into a picture: an off-screen copy of the canvas viewport with
 * the editing chrome removed, framed by an optional title band and legend. Works on a copy, so
 * the user never sees the canvas change during an export, and html-to-image reads the computed
 * styles of the copy (selection outlines gone) rather than of the live canvas.
 *
 * Owns DOM: it attaches a hidden host to `document.body` until `dispose()`.
 */
import type { ImagePlan } from './geometry';
import { personaCardsBand, personaCardsLayout, type PersonaCards } from './personaCards';
import { inheritPageStyles } from './rasterize';

/** One entry of the legend: a swatch (coloured square or dot, a line, or a drawn element) and its name. */
export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** A short text drawn in the swatch (keep to characters every font has: no emoji). */
  readonly symbol?: string;
  /** Round swatch (emotions) rather than square (node kinds). */
  readonly round?: boolean;
  /** A line swatch (the grid's lines of interaction and visibility) instead of a square. */
  readonly line?: 'solid' | 'dashed' | 'dotted';
  /** An element drawn as the swatch (e.g. an emotion face as SVG); copied, never moved. */
  readonly swatch?: Element;
}

/** One titled group of the legend. */
export interface LegendGroup {
  readonly title: string;
  readonly items: readonly LegendItem[];
}

/** The legend, in the user's language (the view translates): node kinds and emotions, or the grid's faces and lines. */
export interface Legend {
  readonly groups: readonly LegendGroup[];
}

/**
 * Where things are in the canvas DOM, as CSS selectors: the canvas library's private markup,
 * given by the view (view/canvas/flowContract.ts EXPORT_DOM) so this module names none of it.
 */
export interface CanvasDom {
  /** The transformed layer holding nodes, edges and overlays; the picture is a copy of it. */
  readonly viewport: string;
  /** A node element, with its id in `data-id`. */
  readonly node: string;
  /** An edge's SVG group, with its id in `data-id`. */
  readonly edge: string;
  /** The library's editing chrome (handles, resize controls, selection boxes…). */
  readonly chrome: string;
}

/** What to export from a React Flow canvas. */
export interface ExportSource {
  /** The `.react-flow` root element of the canvas. */
  readonly flowRoot: HTMLElement;
  readonly dom: CanvasDom;
  /** Title band text. */
  readonly title: string;
  /** Subtitle under the title, e.g. the date. */
  readonly subtitle?: string;
  readonly legend: Legend | null;
  /** Persona cards under the map (ImageOptions.includePersonas); null or absent: none. */
  readonly personas?: PersonaCards | null;
  /** Keep the review comment pins (ImageOptions.includeComments). */
  readonly keepComments?: boolean;
  /** When set, only these nodes and edges are drawn (export of the selection). */
  readonly only?: {
    readonly nodeIds: ReadonlySet<string>;
    readonly edgeIds: ReadonlySet<string>;
  } | null;
}

/**
 * What a feature marks as not part of a picture: `data-export-ignore`, except review comment
 * pins (`data-export-comments` too) when the picture asks for them (ImageOptions.includeComments).
 */
export const ignoredSelector = (keepComments: boolean): string =>
  keepComments ? '[data-export-ignore]:not([data-export-comments])' : '[data-export-ignore]';

/**
 * Editing chrome: never in a picture. The canvas's own (`CanvasDom.chrome`), peer cursors and
 * anything a feature marks with `data-export-ignore` (see ignoredSelector).
 */
const chromeSelector = (dom: CanvasDom, keepComments: boolean) =>
  [dom.chrome, '[class*="peer-cursor"]', ignoredSelector(keepComments)].join(',');

/** Classes that draw a selection state; removed from the copy. */
const SELECTION_CLASSES = ['selected', 'peer-selected', 'is-selected'];

export interface ComposedExport {
  readonly element: HTMLElement;
  dispose(): void;
}

/** The first non-transparent background colour from `el` up to the document. */
export function themeBackground(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}

function stripViewport(
  viewport: HTMLElement,
  dom: CanvasDom,
  only: ExportSource['only'],
  keepComments: boolean,
): void {
  viewport.querySelectorAll(chromeSelector(dom, keepComments)).forEach((e) => e.remove());
  for (const cls of SELECTION_CLASSES)
    viewport.querySelectorAll(`.${cls}`).forEach((e) => e.classList.remove(cls));
  // Enlarged for the zoom on screen (e.g. the curve's legend): drawn at its own size.
  viewport
    .querySelectorAll<HTMLElement>('[data-export-unscale]')
    .forEach((e) => (e.style.transform = ''));
  if (!only) return;
  viewport.querySelectorAll<HTMLElement>(dom.node).forEach((n) => {
    if (!only.nodeIds.has(n.dataset.id ?? '')) n.remove();
  });
  viewport.querySelectorAll<SVGGElement>(dom.edge).forEach((g) => {
    if (!only.edgeIds.has(g.getAttribute('data-id') ?? '')) (g.ownerSVGElement ?? g).remove();
  });
  // Edge labels live in their own layer; the touchpoint view tags them `tp-label-<edge id>`.
  viewport.querySelectorAll<HTMLElement>('[data-testid^="tp-label-"]').forEach((l) => {
    if (!only.edgeIds.has((l.dataset.testid ?? '').slice('tp-label-'.length))) l.remove();
  });
  // Touchpoint texts too (view/canvas/TouchpointTexts.tsx tags them `tp-text-<edge id>`).
  viewport.querySelectorAll<HTMLElement>('[data-testid^="tp-text-"]').forEach((l) => {
    if (!only.edgeIds.has((l.dataset.testid ?? '').slice('tp-text-'.length))) l.remove();
  });
  // The emotion curve and the lane labels belong to the whole map, not to a selection.
  viewport.querySelectorAll('.emotion-curve, .lane-labels').forEach((e) => e.remove());
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  style: Partial<CSSStyleDeclaration>,
  text?: string,
) {
  const e = document.createElement(tag);
  Object.assign(e.style, style);
  if (text !== undefined) e.textContent = text;
  return e;
}

function swatchOf(item: LegendItem): Element {
  if (item.swatch) {
    const copy = item.swatch.cloneNode(true) as Element;
    const box = el('span', { display: 'inline-flex', width: '18px', height: '18px' });
    box.append(copy);
    return box;
  }
  if (item.line) {
    return el('span', {
      display: 'inline-block',
      width: '28px',
      height: '0',
      borderTop: `2px ${item.line} ${item.color}`,
    });
  }
  return el(
    'span',
    {
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: '16px',
      height: '16px',
      borderRadius: item.round ? '50%' : '4px',
      background: item.color,
      fontSize: '11px',
      lineHeight: '1',
    },
    item.symbol ?? '',
  );
}

function legendGroup({ title, items }: LegendGroup): HTMLElement {
  const group = el('div', { display: 'flex', alignItems: 'center', gap: '14px' });
  group.append(el('strong', { fontWeight: '600' }, title));
  for (const item of items) {
    const row = el('span', { display: 'inline-flex', alignItems: 'center', gap: '6px' });
    row.append(swatchOf(item), document.createTextNode(item.label));
    group.append(row);
  }
  return group;
}

/** The hidden host a picture is built in: laid out (computed styles are real) but clipped to nothing. */
export function hiddenHost(): HTMLElement {
  const host = el('div', {
    position: 'fixed',
    left: '0',
    top: '0',
    width: '0',
    height: '0',
    overflow: 'hidden',
    pointerEvents: 'none',
    zIndex: '-1',
  });
  host.setAttribute('aria-hidden', 'true');
  return host;
}

/**
 * The picture's root (`plan.width`×`plan.height`) with its title band and legend band; the
 * caller appends the content box (at `plan.content`). `from` gives the theme: its classes, its
 * text styles and the custom properties it inherits.
 */
export function framePicture(
  plan: ImagePlan,
  background: string | null,
  from: Element,
  text: {
    title: string;
    subtitle?: string;
    legend: Legend | null;
    personas?: PersonaCards | null;
  },
): HTMLElement {
  const root = el('div', {
    position: 'relative',
    width: `${plan.width}px`,
    height: `${plan.height}px`,
    overflow: 'hidden',
    background: background ?? 'transparent',
    color: getComputedStyle(from).color,
  });
  inheritPageStyles(root, from);
  const pad = plan.content.x;
  if (plan.titlePx > 0) {
    const band = el('div', {
      position: 'absolute',
      left: `${pad}px`,
      top: `${pad}px`,
      right: `${pad}px`,
      height: `${plan.titlePx}px`,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'center',
    });
    band.append(
      el(
        'div',
        {
          fontSize: '30px',
          fontWeight: '700',
          lineHeight: '1.2',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        },
        text.title,
      ),
    );
    if (text.subtitle) band.append(el('div', { fontSize: '15px', opacity: '0.7' }, text.subtitle));
    root.append(band);
  }
  if (plan.personasPx > 0 && text.personas) {
    const layout = personaCardsLayout(
      text.personas.personas,
      plan.content.width,
      text.personas.labels,
    );
    const band = personaCardsBand(layout, text.personas.labels);
    Object.assign(band.style, {
      position: 'absolute',
      left: `${pad}px`,
      top: `${plan.content.y + plan.content.height}px`,
      width: `${plan.content.width}px`,
      height: `${plan.personasPx}px`,
    });
    root.append(band);
  }
  if (plan.legendPx > 0 && text.legend) {
    const band = el('div', {
      position: 'absolute',
      left: `${pad}px`,
      right: `${pad}px`,
      bottom: `${pad}px`,
      height: `${plan.legendPx}px`,
      display: 'flex',
      alignItems: 'center',
      gap: '40px',
      fontSize: '14px',
      flexWrap: 'wrap',
    });
    band.append(...text.legend.groups.map(legendGroup));
    root.append(band);
  }
  return root;
}

/** The box, inside the picture, the content is drawn in (`plan.content`, clipped). */
export function contentBox(plan: ImagePlan): HTMLElement {
  return el('div', {
    position: 'absolute',
    left: `${plan.content.x}px`,
    top: `${plan.content.y}px`,
    width: `${plan.content.width}px`,
    height: `${plan.content.height}px`,
    overflow: 'hidden',
  });
}

/** Builds the picture's DOM off-screen; call `dispose()` once the picture is drawn. */
export function composeExport(
  source: ExportSource,
  plan: ImagePlan,
  background: string | null,
): ComposedExport {
  const live = source.flowRoot.querySelector<HTMLElement>(source.dom.viewport);
  if (!live) throw new Error(`exportImage.source.flowRoot: no ${source.dom.viewport} inside`);
  const host = hiddenHost();
  const root = framePicture(plan, background, source.flowRoot, source);
  // The canvas's classes carry React Flow's CSS variables and the theme; text styles and
  // custom properties inherited from the page are copied, the picture has no page around it.
  root.className = source.flowRoot.className;
  const content = contentBox(plan);
  const viewport = live.cloneNode(true) as HTMLElement;
  stripViewport(viewport, source.dom, source.only ?? null, source.keepComments === true);
  const v = plan.viewport;
  viewport.style.transform = `translate(${v.x}px, ${v.y}px) scale(${v.zoom})`;
  content.append(viewport);
  // The content goes under the title band and the legend (appended first, drawn below them).
  root.prepend(content);
  host.append(root);
  document.body.append(host);
  return { element: root, dispose: () => host.remove() };
}
