/**
 * The PDF's pages, one function each: title, overview (the grid), stage (touchpoint
 * cards over as many pages as they need), emotion curve and the strategy one-pager. Each
 * draws vector shapes and real text only; the overview is the journey grid, drawn natively.
 */
import { breathe } from '../breathe';
import { rgb, type PDFDocument, type PDFPage, type RGB } from 'pdf-lib';
import type { Deck, DeckStage, DeckTouchpoint } from '../../model/deck';
import { KPI_FAMILIES, type Emotion, type Evidence } from '../../model/types';
import { evidenceText } from '../deckLabels';
import { emotionColor } from './colors';
import { addDeckPage } from './content';
import {
  ACCENT,
  Column,
  disc,
  dots,
  drawCheckbox,
  drawFace,
  drawLine,
  drawLines,
  drawWrapped,
  GAIN,
  hex,
  INK,
  leadingOf,
  LINE,
  MUTED,
  PAIN,
  PANEL,
  rect,
  roundRect,
  rule as hRule,
  WHITE,
  type TextStyle,
} from './draw';
import { formatDate, formatMoney, formatNumber, formatPct } from './format';
import type { DeckLabels } from './labels';
import { span } from '../spans';
import { layoutOverview, type OverviewLabels, type TextMeasure } from '../overviewLayout';
import { fitLine, wrapText, type FontKit } from './text';
import { kpiTarget } from '../../model/strategy/kpiTarget';

export interface Ctx {
  readonly pdf: PDFDocument;
  readonly deck: Deck;
  readonly labels: DeckLabels;
  readonly locale: string;
  readonly reg: FontKit;
  readonly bold: FontKit;
  /** Page size in points. */
  readonly W: number;
  readonly H: number;
}

/** Page margin, and the lowest y content may reach (the footer sits below it). */
const M = 36;
const BOTTOM = 46;

const st = (kit: FontKit, size: number, color: RGB = INK, leading?: number): TextStyle => ({
  kit,
  size,
  color,
  ...(leading !== undefined ? { leading } : {}),
});

const emotionName = (ctx: Ctx, e: number | null | undefined): string =>
  e === null || e === undefined || !Number.isFinite(e)
    ? ctx.labels.unrated
    : (ctx.labels.emotions[Math.max(-2, Math.min(2, Math.round(e))) as Emotion] ?? '');

function newPage(ctx: Ctx): PDFPage {
  const page = addDeckPage(ctx.pdf, ctx.W, ctx.H);
  rect(page, 0, ctx.H - 5, ctx.W, 5, { fill: ACCENT });
  return page;
}

/** Kicker, title and a rule; returns the y where the body starts. */
function header(ctx: Ctx, page: PDFPage, kicker: string, title: string, width?: number): number {
  const w = width ?? ctx.W - 2 * M;
  let y = ctx.H - M + 4;
  if (kicker)
    y = drawLines(page, [fitLine(ctx.reg, kicker, 9, w)], M, y, st(ctx.reg, 9, MUTED)) - 2;
  y = drawLines(page, [fitLine(ctx.bold, title, 21, w)], M, y, st(ctx.bold, 21, INK, 25));
  return y;
}

function rule(ctx: Ctx, page: PDFPage, y: number): void {
  hRule(page, M, y, ctx.W - M, y, LINE, 0.75);
}

/** Page numbers and the map title, drawn once every page exists. */
export function drawFooters(ctx: Ctx): void {
  const pages = ctx.pdf.getPages();
  const style = st(ctx.reg, 8, MUTED);
  const half = (ctx.W - 2 * M) / 2;
  pages.forEach((page, i) => {
    if (i === 0) return;
    const top = 30;
    hRule(page, M, top + 6, ctx.W - M, top + 6, LINE, 0.5);
    drawLine(page, ctx.deck.title, M, top, half, style);
    drawLine(page, ctx.labels.pageOf(i + 1, pages.length), M + half, top, half, style, 'right');
  });
}

// ── Title ──────────────────────────────────────────────────────────────────────────────────

export function titlePage(ctx: Ctx, now: Date): void {
  const { W, H, deck, labels } = ctx;
  const page = addDeckPage(ctx.pdf, W, H);
  rect(page, 0, 0, 14, H, { fill: ACCENT });
  const x = M + 30;
  const w = W - x - M - 20;
  let y = H * 0.66;
  y = drawLines(
    page,
    [fitLine(ctx.bold, labels.customerJourney, 15, w)],
    x,
    y,
    st(ctx.bold, 15, ACCENT, 22),
  );
  y -= 6;
  y = drawWrapped(page, deck.title, x, y, w, st(ctx.bold, 34, INK, 40), 3);
  y -= 14;
  y = drawLines(
    page,
    [fitLine(ctx.reg, formatDate(now, ctx.locale), 12, w)],
    x,
    y,
    st(ctx.reg, 12, MUTED, 16),
  );
  const tps = deck.stages.reduce((n, s) => n + s.touchpoints.length, 0);
  const stats = `${labels.stages}: ${formatNumber(deck.stages.length, ctx.locale)} · ${labels.touchpoints}: ${formatNumber(tps, ctx.locale)}`;
  drawLines(page, [fitLine(ctx.reg, stats, 10, w)], x, y - 4, st(ctx.reg, 10, MUTED));
  // The journey at a glance: one face per stage, its mean emotion, along the bottom.
  const shown = deck.stages.slice(0, 14);
  if (shown.length) {
    const slot = Math.min(60, w / shown.length);
    shown.forEach((s, i) => {
      const cx = x + slot * i + 9;
      drawFace(page, s.emotion, cx, M + 40, 9);
      drawLine(page, s.title, cx - slot / 2 + 2, M + 24, slot - 4, st(ctx.reg, 7, MUTED), 'center');
    });
  }
}

// ── Overview ───────────────────────────────────────────────────────────────────────────────

const OVERVIEW_MARK = { pain: PAIN, gain: GAIN } as const;

/** A mean emotion as the emotion whose colour it takes. */
const isRated = (e: number | null): Emotion | null =>
  e === null || !Number.isFinite(e) ? null : (Math.max(-2, Math.min(2, Math.round(e))) as Emotion);

function mix(color: RGB, t: number): RGB {
  return rgb(
    color.red + (1 - color.red) * t,
    color.green + (1 - color.green) * t,
    color.blue + (1 - color.blue) * t,
  );
}

/**
 * The overview: the journey grid drawn natively (overviewLayout.ts), stage names, lane names
 * and every shown action as real text; continued on more pages when the grid needs them.
 */
export async function overviewPages(ctx: Ctx): Promise<void> {
  const { W, H, labels, deck } = ctx;
  const measure: TextMeasure = {
    clean: (t) => ctx.reg.clean(t).replace(/\n/g, ' '),
    width: (t, size, bold) => (bold ? ctx.bold : ctx.reg).lineWidth(t, size),
  };
  // The header's height, as header() draws it (kicker 9 pt, title 21/25 pt), and a gap.
  const top = M - 4 + 9 * 1.25 + 2 + 25 + 8;
  const area = { x: M, y: top, w: W - 2 * M, h: H - top - BOTTOM };
  const overviewLabels: OverviewLabels = {
    lanes: labels.lanes,
    corner: labels.lanesCorner,
    emotions: labels.emotions,
    unrated: labels.unrated,
    untitledStage: '–',
  };
  const endLayout = span('pdf:overview-layout');
  const pages = layoutOverview(deck, overviewLabels, area, measure);
  endLayout();
  const colors = new Map<Emotion | null, { fill: RGB; edge: RGB }>();
  const colorOf = (e: Emotion | null) => {
    let c = colors.get(e);
    if (!c) {
      const edge = hex(emotionColor(e));
      colors.set(e, (c = { fill: mix(edge, 0.82), edge }));
    }
    return c;
  };
  for (const [i, p] of pages.entries()) {
    await breathe(); // the layout, then each page, in a task of its own (breathe.ts)
    const page = newPage(ctx);
    const suffix = pages.length > 1 ? ` ${labels.continued(i + 1, pages.length)}` : '';
    header(ctx, page, deck.title, labels.overview + suffix);
    if (!deck.stages.length) drawLines(page, [labels.none], M, H - top, st(ctx.reg, 10, MUTED));
    for (const b of p.boxes) {
      const y0 = H - b.y - b.h; // the box's bottom, in PDF coordinates
      switch (b.kind) {
        case 'band':
          if (b.shaded) rect(page, b.x, y0, b.w, b.h, { fill: PANEL });
          hRule(page, b.x, y0, b.x + b.w, y0, LINE, 0.4);
          break;
        case 'stage':
          drawLines(page, b.lines, b.x + 3, H - b.y - 2, st(ctx.bold, b.size, INK));
          hRule(page, b.x, y0, b.x + b.w, y0, ACCENT, 1);
          break;
        case 'lane':
          drawLines(
            page,
            b.lines,
            b.x + 2,
            H - b.y - Math.min(3, Math.max(0, (b.h - b.size * 1.2) / 2)),
            st(ctx.bold, b.size, MUTED),
          );
          break;
        case 'card': {
          const c = colorOf(b.emotion);
          rect(page, b.x, y0, b.w, b.h, { fill: c.fill, border: c.edge, borderWidth: 0.5 });
          rect(page, b.x, y0, 2, b.h, { fill: c.edge });
          drawLines(page, b.lines, b.x + 4.5, H - b.y - 2, st(ctx.reg, b.size, INK, b.size * 1.25));
          break;
        }
        case 'text':
          if (b.mark)
            rect(page, b.x + 0.5, H - b.y - b.size * 0.78, 2.5, 2.5, {
              fill: OVERVIEW_MARK[b.mark],
            });
          drawLines(page, b.lines, b.x + 5, H - b.y, st(ctx.reg, b.size, INK, b.size * 1.25));
          break;
        case 'count': {
          const c = b.emotion === undefined ? null : colorOf(isRated(b.emotion));
          rect(page, b.x, y0, b.w, b.h, {
            fill: c ? c.fill : PANEL,
            border: c ? c.edge : LINE,
            borderWidth: 0.4,
          });
          drawLine(
            page,
            b.text,
            b.x,
            H - b.y - (b.h - b.size * 1.1) / 2,
            b.w,
            st(ctx.bold, b.size, INK),
            'center',
          );
          break;
        }
        case 'more':
          drawLines(page, [b.text], b.x + 1, H - b.y, st(ctx.bold, b.size, MUTED));
          break;
        case 'face':
          drawFace(page, b.emotion, b.x + b.r + 1, y0 + b.h / 2, b.r);
          drawLine(
            page,
            b.label,
            b.x + 2 * b.r + 5,
            H - b.y - b.h / 2 + b.size * 0.6,
            b.w - 2 * b.r - 6,
            st(ctx.reg, b.size, MUTED),
          );
          break;
      }
    }
  }
}

// ── Stage ──────────────────────────────────────────────────────────────────────────────────

interface Block {
  readonly lines: readonly string[];
  readonly style: TextStyle;
  readonly indent: number;
  readonly gapBefore: number;
  /** Bullet colour: a dot before the first line. */
  readonly mark?: RGB;
}

interface CardPlan {
  readonly tp: DeckTouchpoint;
  readonly height: number;
  readonly head: string;
  readonly channel: string;
  readonly blocks: readonly Block[];
}

const CARD_PAD = 8;
const CARD_GAP = 10;
const HEAD_H = 15;

function planCard(ctx: Ctx, tp: DeckTouchpoint, width: number): CardPlan {
  const { labels } = ctx;
  const inner = width - 2 * CARD_PAD;
  const blocks: Block[] = [];
  const add = (lines: string[], style: TextStyle, gapBefore = 0, indent = 0, mark?: RGB) => {
    if (lines.length) blocks.push({ lines, style, indent, gapBefore, ...(mark ? { mark } : {}) });
  };
  const action = st(ctx.bold, 10, INK, 12.5);
  add(wrapText(ctx.bold, tp.action, { size: 10, maxWidth: inner, maxLines: 4 }), action, 3);
  const small = st(ctx.reg, 7.5, MUTED, 9.5);
  const evidenceLine = (ev: Evidence | null | undefined, indent: number, maxLines: number) => {
    const text = evidenceText(labels.evidenceLevels, ev);
    if (!text || maxLines <= 0) return 0;
    const lines = wrapText(ctx.reg, `${labels.evidence}: ${text}`, {
      size: 7.5,
      maxWidth: inner - indent,
      maxLines,
    });
    add(lines, small, 1, indent);
    return lines.length;
  };
  evidenceLine(tp.evidence, 0, 2);
  const item = st(ctx.reg, 8.5, INK, 10.5);
  const list = (
    title: string,
    items: readonly string[],
    evidence: readonly (Evidence | null)[] | undefined,
    color: RGB,
  ) => {
    if (!items.length) return;
    add([fitLine(ctx.bold, title, 7.5, inner)], st(ctx.bold, 7.5, color, 10), 5);
    let budget = 6;
    for (let k = 0; k < items.length; k++) {
      const text = items[k]!;
      if (budget <= 0) {
        add([`… (+${items.length - k})`], st(ctx.reg, 8, MUTED, 10));
        break;
      }
      const lines = wrapText(ctx.reg, text, {
        size: 8.5,
        maxWidth: inner - 8,
        maxLines: Math.min(3, budget),
      });
      budget -= lines.length;
      add(lines, item, 1, 8, color);
      budget -= evidenceLine(evidence?.[k], 8, Math.min(2, budget));
    }
  };
  list(labels.painPoints, tp.painPoints, tp.painPointEvidence, PAIN);
  list(labels.opportunities, tp.opportunities, tp.opportunityEvidence, GAIN);
  const meta: string[] = [];
  if (tp.owner) meta.push(`${labels.owner}: ${tp.owner}`);
  if (tp.volume !== undefined && Number.isFinite(tp.volume))
    meta.push(`${labels.volume}: ${formatNumber(tp.volume, ctx.locale)}`);
  if (meta.length)
    add(wrapText(ctx.reg, meta.join(' · '), { size: 7.5, maxWidth: inner, maxLines: 2 }), small, 5);
  if (tp.kpis.length)
    add(
      wrapText(ctx.reg, `${labels.kpis}: ${tp.kpis.join(', ')}`, {
        size: 7.5,
        maxWidth: inner,
        maxLines: 2,
      }),
      small,
      meta.length ? 1 : 5,
    );
  const height =
    2 * CARD_PAD +
    HEAD_H +
    blocks.reduce((h, b) => h + b.gapBefore + b.lines.length * leadingOf(b.style), 0);
  return { tp, height, head: emotionName(ctx, tp.emotion), channel: tp.channel ?? '', blocks };
}

function drawCard(
  ctx: Ctx,
  page: PDFPage,
  card: CardPlan,
  x: number,
  top: number,
  w: number,
  h: number,
): void {
  const color = hex(emotionColor(card.tp.emotion));
  roundRect(page, x, top - h, w, h, 5, { fill: WHITE, border: LINE });
  rect(page, x + 0.5, top - h + 4, 3, h - 8, { fill: color });
  const ix = x + CARD_PAD;
  const inner = w - 2 * CARD_PAD;
  let y = top - CARD_PAD;
  drawFace(page, card.tp.emotion ?? null, ix + 6, y - 6, 6);
  const headStyle = st(ctx.reg, 8, MUTED);
  const headW = drawLine(page, card.head, ix + 16, y - 1.5, inner * 0.5 - 16, headStyle);
  if (card.channel)
    drawLine(
      page,
      card.channel,
      ix + 16 + headW + 6,
      y - 1.5,
      inner - 22 - headW,
      st(ctx.bold, 8, ACCENT),
      'right',
    );
  y -= HEAD_H;
  for (const b of card.blocks) {
    y -= b.gapBefore;
    if (b.mark) rect(page, ix + 1, y - b.style.size * 0.62 - 1.5, 3, 3, { fill: b.mark });
    y = drawLines(page, b.lines, ix + b.indent, y, b.style);
  }
}

function drawSidebar(
  ctx: Ctx,
  page: PDFPage,
  s: DeckStage,
  x: number,
  top: number,
  w: number,
): void {
  const col = new Column(page, x + 12, top - 2, w - 12, BOTTOM + 6);
  const h = st(ctx.bold, 8.5, ACCENT, 11);
  const body = st(ctx.reg, 8.5, INK, 10.5);
  const meta = st(ctx.reg, 7.5, MUTED, 9.5);
  const { labels } = ctx;
  if (s.devices.length && col.heading(labels.devices, h, body)) {
    col.text(s.devices.join(', '), body, 3);
    col.gap(8);
  }
  if (s.kpis.length && col.heading(labels.kpis, h, body)) {
    for (const k of s.kpis) {
      if (!col.text(k.name, st(ctx.bold, 8.5, INK, 10.5), 2)) break;
      const bits: string[] = [];
      if (k.target !== undefined)
        bits.push(`${labels.target}: ${kpiTarget(k.target, k.unit, ctx.locale)}`);
      if (k.frequency) bits.push(k.frequency);
      if (bits.length) col.text(bits.join(' · '), meta, 2);
      col.gap(3);
    }
    col.gap(5);
  }
  for (const lane of s.lanes) {
    if (!col.heading(lane.title.trim() || (labels.laneTypes[lane.type] ?? lane.type), h, body))
      break;
    for (let k = 0; k < lane.items.length; k++) {
      const it = lane.items[k]!;
      if (!col.bullet(it, body, MUTED, 3)) break;
      const ev = evidenceText(labels.evidenceLevels, lane.evidence?.[k]);
      if (ev && !col.text(`${labels.evidence}: ${ev}`, meta, 2, body.size * 0.9)) break;
    }
    col.gap(8);
  }
  // A rule down the sidebar's left edge, as long as what it holds.
  hRule(page, x, top, x, Math.max(BOTTOM, col.y + 4), LINE, 1.5);
}

const hasSidebar = (s: DeckStage) =>
  s.devices.length > 0 || s.kpis.length > 0 || s.lanes.length > 0;

/** The stage's pages: its header, then touchpoint cards in rows, continued "(2/3)" as needed. */
export function stagePages(ctx: Ctx, s: DeckStage): void {
  const { W, labels, deck } = ctx;
  const sideW = hasSidebar(s) ? Math.max(170, Math.min(230, W * 0.23)) : 0;
  const areaW = W - 2 * M - (sideW ? sideW + 14 : 0);
  const cols = Math.max(2, Math.min(4, Math.floor((areaW + CARD_GAP) / (170 + CARD_GAP))));
  const cw = (areaW - (cols - 1) * CARD_GAP) / cols;
  const cards = s.touchpoints.map((tp) => planCard(ctx, tp, cw));
  const descLines = s.description
    ? wrapText(ctx.reg, s.description, { size: 9, maxWidth: W - 2 * M - 190, maxLines: 2 })
    : [];
  // Cards flow into the shortest column (masonry), a new page when the next one fits nowhere.
  const headerH = 9 * 1.25 - 2 + 25 + (descLines.length ? descLines.length * 11.5 + 1 : 0) + 16;
  const room = ctx.H - M + 4 - headerH - BOTTOM;
  interface Placed {
    readonly card: CardPlan;
    readonly col: number;
    readonly offset: number;
    readonly height: number;
  }
  const chunks: Placed[][] = [[]];
  let heights = new Array<number>(cols).fill(0);
  for (const card of cards) {
    const height = Math.min(room, card.height);
    let col = heights.indexOf(Math.min(...heights));
    if (heights[col]! > 0 && heights[col]! + height > room) {
      chunks.push([]);
      heights = heights.map(() => 0);
      col = 0;
    }
    chunks[chunks.length - 1]!.push({ card, col, offset: heights[col]!, height });
    heights[col]! += height + CARD_GAP;
  }
  chunks.forEach((chunk, ci) => {
    const page = newPage(ctx);
    const suffix = chunks.length > 1 ? ` ${labels.continued(ci + 1, chunks.length)}` : '';
    const titleW = W - 2 * M - 190;
    let y = header(
      ctx,
      page,
      labels.stageOf(s.index, deck.stages.length),
      s.title + suffix,
      titleW,
    );
    if (descLines.length) y = drawLines(page, descLines, M, y - 1, st(ctx.reg, 9, MUTED, 11.5));
    // The stage's emotion, top right: face and its name (never colour alone).
    const ex = W - M - 180;
    const etop = ctx.H - M + 4;
    drawFace(page, s.emotion, ex + 13, etop - 22, 13);
    drawLine(page, labels.emotion, ex + 32, etop - 8, 148, st(ctx.reg, 8, MUTED));
    drawLine(page, emotionName(ctx, s.emotion), ex + 32, etop - 19, 148, st(ctx.bold, 11));
    y -= 6;
    rule(ctx, page, y);
    y -= 10;
    if (sideW) drawSidebar(ctx, page, s, W - M - sideW, y, sideW);
    if (!cards.length) drawLines(page, [labels.noTouchpoints], M, y - 4, st(ctx.reg, 10, MUTED));
    for (const p of chunk)
      drawCard(ctx, page, p.card, M + p.col * (cw + CARD_GAP), y - p.offset, cw, p.height);
  });
}

// ── Emotion curve ──────────────────────────────────────────────────────────────────────────

export function curvePage(ctx: Ctx): void {
  const { W, deck, labels } = ctx;
  const page = newPage(ctx);
  const top = header(ctx, page, deck.title, labels.emotionCurve) - 18;
  const label = st(ctx.reg, 8.5, MUTED);
  const names = ([2, 1, 0, -1, -2] as const).map((e) => labels.emotions[e] ?? '');
  const lw = Math.min(150, Math.max(...names.map((n) => ctx.reg.lineWidth(n, 8.5))) + 28);
  const px = M + lw;
  const pw = W - M - px - 6;
  const n = deck.stages.length;
  const slot = pw / Math.max(1, n);
  const stageLabelLines = slot >= 36 ? 2 : 1;
  const py = BOTTOM + 10 + stageLabelLines * 10;
  const ph = top - py;
  const yOf = (e: number) => py + ((Math.max(-2, Math.min(2, e)) + 2) / 4) * ph;
  ([2, 1, 0, -1, -2] as const).forEach((e, k) => {
    const y = yOf(e);
    hRule(page, px, y, px + pw, y, LINE, e === 0 ? 0.9 : 0.5);
    drawFace(page, e, px - 10, y, 6);
    drawLine(page, names[k], M, y + 4, lw - 22, label, 'right');
  });
  const xOf = (i: number) => px + slot * (i + 0.5);
  deck.stages.forEach((s, i) => {
    const x = xOf(i);
    hRule(page, x, py, x, py + ph, LINE, 0.4, 0.7);
    const text = slot >= 28 ? s.title : String(s.index);
    const lines = wrapText(ctx.reg, text, {
      size: 8,
      maxWidth: slot - 4,
      maxLines: stageLabelLines,
    });
    lines.forEach((line, j) => {
      const w = ctx.reg.lineWidth(line, 8);
      drawLines(page, [line], x - w / 2, py - 6 - j * 10, st(ctx.reg, 8, INK, 10));
    });
    // Each rated touchpoint, faint, spread across the stage's slot.
    const rated = s.touchpoints.filter((t) => t.emotion !== undefined);
    const step = Math.min(7, (slot * 0.6) / Math.max(1, rated.length));
    dots(
      page,
      rated.map((t, j) => ({
        x: x + (j - (rated.length - 1) / 2) * step,
        y: yOf(t.emotion!),
        r: 2.6,
        color: hex(emotionColor(t.emotion)),
      })),
      0.45,
    );
  });
  // The curve: the stages' mean emotions, broken where a stage has none rated.
  let prev: { x: number; y: number } | null = null;
  deck.stages.forEach((s, i) => {
    if (s.emotion === null || !Number.isFinite(s.emotion)) {
      prev = null;
      return;
    }
    const p = { x: xOf(i), y: yOf(s.emotion) };
    if (prev) hRule(page, prev.x, prev.y, p.x, p.y, INK, 2, 0.8);
    prev = p;
  });
  deck.stages.forEach((s, i) => {
    if (s.emotion === null || !Number.isFinite(s.emotion)) return;
    disc(page, xOf(i), yOf(s.emotion), Math.min(5.5, slot / 3), {
      fill: hex(emotionColor(s.emotion)),
      border: WHITE,
      borderWidth: 1.5,
    });
  });
}

// ── Strategy ───────────────────────────────────────────────────────────────────────────────

export function strategyPage(ctx: Ctx): void {
  const { W, deck, labels, locale } = ctx;
  const s = deck.strategy;
  const page = newPage(ctx);
  const top = header(ctx, page, deck.title, labels.strategy) - 14;
  const gap = 18;
  const cw = (W - 2 * M - 2 * gap) / 3;
  const col = (i: number) => new Column(page, M + i * (cw + gap), top, cw, BOTTOM);
  const h = st(ctx.bold, 10.5, ACCENT, 14);
  const sub = st(ctx.bold, 8.5, MUTED, 11);
  const name = st(ctx.bold, 9, INK, 11.5);
  const body = st(ctx.reg, 9, INK, 11.5);
  const meta = st(ctx.reg, 8, MUTED, 10);
  const none = (c: Column) => c.text(labels.none, meta, 1);
  const date = (d: string) => formatDate(d, locale);

  const c1 = col(0);
  if (c1.heading(labels.goals, h, body)) {
    if (!s.goals.length) none(c1);
    for (const g of s.goals) {
      if (!c1.text(g.title, name, 2)) break;
      const bits: string[] = [];
      if (g.target) bits.push(`${labels.target}: ${g.target}`);
      if (g.deadline) bits.push(`${labels.deadline}: ${date(g.deadline)}`);
      if (bits.length) c1.text(bits.join(' · '), meta, 2);
      if (g.benefit) c1.text(g.benefit, meta, 2);
      c1.gap(5);
    }
    c1.gap(8);
  }
  if (c1.heading(labels.channels, h, body)) {
    if (!s.channels.length) none(c1);
    for (const c of s.channels) {
      if (!c1.text(c.label, name, 1)) break;
      const bits: string[] = [];
      if (c.status) bits.push(labels.channelStatuses[c.status] ?? c.status);
      if (c.preferencePct !== undefined)
        bits.push(`${labels.preference}: ${formatPct(c.preferencePct, locale)}`);
      if (bits.length) c1.text(bits.join(' · '), meta, 1);
      if (c.reason) c1.text(c.reason, meta, 2);
      c1.gap(3);
    }
  }

  const c2 = col(1);
  if (c2.heading(labels.kpis, h, body)) {
    if (!s.kpis.length) none(c2);
    for (const family of KPI_FAMILIES) {
      const list = s.kpis.filter((k) => k.family === family);
      if (!list.length) continue;
      if (!c2.heading(labels.kpiFamilies[family] ?? family, sub, body)) break;
      for (const k of list) {
        const bits: string[] = [];
        if (k.target !== undefined)
          bits.push(`${labels.target}: ${kpiTarget(k.target, k.unit, locale)}`);
        if (k.frequency) bits.push(k.frequency);
        if (!c2.bullet(k.name, body, ACCENT, 2)) break;
        if (bits.length) c2.text(bits.join(' · '), meta, 1, 8);
        c2.gap(2);
      }
      c2.gap(5);
    }
    c2.gap(6);
  }
  if (c2.heading(labels.monthlySaving, h, body)) {
    c2.text(formatMoney(s.costs.saving, s.costs.currency, locale), st(ctx.bold, 22, INK, 27), 1);
    c2.text(labels.savingShare(formatPct(s.costs.savingPct, locale)), body, 2);
  }

  const c3 = col(2);
  if (c3.heading(labels.training, h, body)) {
    if (!s.training.length) none(c3);
    for (const t of s.training) {
      if (!c3.text(t.topic, name, 2)) break;
      const bits = [labels.trainingKinds[t.kind] ?? t.kind];
      if (t.audience) bits.push(t.audience);
      if (t.due) bits.push(date(t.due));
      c3.text(bits.join(' · '), meta, 2);
      c3.gap(4);
    }
    c3.gap(8);
  }
  if (c3.heading(labels.goLiveDate, h, body)) {
    c3.text(
      s.goLiveDate ? date(s.goLiveDate) : labels.none,
      s.goLiveDate ? st(ctx.bold, 12, INK, 15) : meta,
      1,
    );
    c3.gap(8);
  }
  if (c3.heading(labels.checklist, h, body)) {
    const item = st(ctx.reg, 8.5, INK, 10.5);
    for (const it of s.checklist) {
      const y = c3.y;
      const text = `${labels.checklistItems[it.key] ?? it.key}`;
      if (!c3.text(text, item, 2, 14)) break;
      drawCheckbox(page, c3.x, y - 0.5, 9, it.done);
      c3.gap(3);
    }
  }
}
