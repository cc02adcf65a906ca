/**
 * The editable PowerPoint deck: every text is a native text run and every card, face and
 * curve a native shape, so the deck can be edited in PowerPoint, Keynote, LibreOffice or Google
 * Slides. PptxGenJS writes the package and each slide's background, number and speaker notes;
 * the shapes and text boxes are written by slideXml.ts (why: its header). It renders `deckContent` (model/deck.ts), the same content as the PDF and
 * the presentation mode. Runs in Node and in the browser (no DOM).
 *
 * Slides: title, overview (the journey grid as native shapes and text, continued when it needs
 * more slides), one per stage (continued on more slides when the touchpoints do not fit), the
 * emotion curve, the strategy one-pager. Speaker notes carry everything a slide had to cut:
 * pain points, opportunities, each touchpoint's facts, and the map's notes (its sources).
 */
import PptxGenJS from 'pptxgenjs';
import type { Deck, DeckStage, DeckTouchpoint } from '../../model/deck';
import { KPI_FAMILIES, type Emotion, type Evidence } from '../../model/types';
import { evidenceText, type DeckLabels } from '../deckLabels';
import {
  ACCENT,
  clean,
  emotionHex,
  face,
  FONT,
  INK,
  line,
  MARGIN,
  MUTED,
  RULE,
  sections,
  SLIDE_H,
  SLIDE_W,
  text,
  tint,
  type Section,
} from './draw';
import { layoutOverview, type TextMeasure } from '../overviewLayout';
import { clip, textWidthIn } from './fit';
import { breathe } from '../breathe';
import { span, timed } from '../spans';
import { patchPptx, presentationZip } from './patch';
import { SlideXml, type Box } from './slideXml';
import { kpiTarget } from '../../model/strategy/kpiTarget';

export interface PptxOptions {
  readonly labels: DeckLabels;
  readonly size?: '16:9';
  /** Inter Regular as TTF, embedded in the file (PowerPoint shows it where Inter is missing). */
  readonly fontTtf?: Uint8Array;
  /** Inter Bold as TTF (optional, with `fontTtf`): titles and headings are bold. */
  readonly fontBoldTtf?: Uint8Array;
  /** Share of the work done, 0..1. */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

const PAIN = 'B42318';
const OPPORTUNITY = '2B7A3D';
const CONTENT_W = SLIDE_W - 2 * MARGIN;
const CARD_GAP = 0.14;
const CARD_H = 1.12;
/** Last y of the content area (the footer lies below). */
const CONTENT_BOTTOM = SLIDE_H - 0.5;

type Slide = SlideXml;

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const isEmotion = (e: unknown): e is Emotion =>
  finite(e) && Number.isInteger(e) && (e as number) >= -2 && (e as number) <= 2;
const emotionName = (l: DeckLabels, e: number | null | undefined) =>
  finite(e) ? l.emotion[Math.max(-2, Math.min(2, Math.round(e))) as Emotion] : l.unrated;
/** A number in the UI locale through the labels' own formatter (1 decimal). */
const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toString();

/** Points per inch (the overview is laid out in points). */
const PT = 72;
/**
 * The overview is laid out on a page this much larger than the slide (13.3 in wide, as the
 * PDF's 16:9 page) and shrunk onto it: the grid fits the slide as it fits a PDF page, at the
 * same size relative to the page.
 */
const OVERVIEW_SCALE = 4 / 3;

const stageName = (l: DeckLabels, s: DeckStage) =>
  `${s.index}. ${clean(s.title).trim() || l.untitledStage}`;
const actionOf = (l: DeckLabels, tp: DeckTouchpoint) => clean(tp.action).trim() || l.noAction;

class DeckBuilder {
  readonly pres = new PptxGenJS();
  /** Every slide, in order: its shapes go into ppt/slides/slide<n>.xml. */
  readonly slides: Slide[] = [];
  readonly title: string;
  private readonly l: DeckLabels;

  constructor(
    readonly deck: Deck,
    readonly opts: PptxOptions,
  ) {
    this.l = opts.labels;
    this.title = clean(deck.title).trim() || this.l.untitledMap;
    this.pres.layout = 'LAYOUT_16x9';
    this.pres.theme = { headFontFace: FONT, bodyFontFace: FONT };
    this.pres.title = clip(this.title, 200);
    this.pres.company = '';
    this.pres.author = 'Itinera';
  }

  private slide(footer = true): Slide {
    const p = this.pres.addSlide();
    p.background = { color: 'FFFFFF' };
    const s = new SlideXml(this.l.locale);
    this.slides.push(s);
    if (footer) {
      text(
        s,
        this.title,
        { x: MARGIN, y: SLIDE_H - 0.36, w: 7, h: 0.26 },
        {
          max: 8,
          min: 7,
          color: MUTED,
          maxLines: 1,
        },
      );
      p.slideNumber = {
        x: SLIDE_W - MARGIN - 0.6,
        y: SLIDE_H - 0.36,
        w: 0.6,
        h: 0.26,
        fontFace: FONT,
        fontSize: 8,
        color: MUTED,
        align: 'right',
      };
    }
    return s;
  }

  /** A slide's heading and, under it, a grey line; returns where the content starts. */
  private header(s: Slide, title: string, sub?: string): number {
    s.shape('rect', { x: 0, y: 0.28, w: 0.12, h: 0.5 }, { fill: ACCENT });
    text(
      s,
      title,
      { x: MARGIN, y: 0.24, w: CONTENT_W - 0.6, h: 0.58 },
      {
        max: 24,
        min: 14,
        bold: true,
        maxLines: 1,
        valign: 'middle',
      },
    );
    if (!sub) return 0.95;
    text(
      s,
      sub,
      { x: MARGIN, y: 0.8, w: CONTENT_W - 0.6, h: 0.28 },
      {
        max: 11,
        min: 8,
        color: MUTED,
        maxLines: 1,
      },
    );
    return 1.15;
  }

  titleSlide() {
    const l = this.l;
    const s = this.slide(false);
    s.shape('rect', { x: 0, y: 0, w: SLIDE_W, h: 0.14 }, { fill: ACCENT });
    text(
      s,
      this.title,
      { x: 0.8, y: 1.3, w: 8.4, h: 1.6 },
      {
        max: 40,
        min: 20,
        bold: true,
        maxLines: 3,
        valign: 'bottom',
      },
    );
    text(s, l.subtitle, { x: 0.8, y: 3.0, w: 8.4, h: 0.4 }, { max: 18, min: 12, color: ACCENT });
    const tps = this.deck.stages.reduce((n, st) => n + st.touchpoints.length, 0);
    text(
      s,
      l.facts(this.deck.stages.length, tps),
      { x: 0.8, y: 3.45, w: 8.4, h: 0.34 },
      {
        max: 14,
        min: 10,
        color: MUTED,
        maxLines: 1,
      },
    );
    if (clean(this.deck.createdAt).trim())
      text(
        s,
        l.created(l.date(this.deck.createdAt)),
        { x: 0.8, y: 3.8, w: 8.4, h: 0.3 },
        {
          max: 12,
          min: 9,
          color: MUTED,
          maxLines: 1,
        },
      );
    // The journey at a glance: one face per stage.
    const stages = this.deck.stages;
    if (stages.length && stages.length <= 30) {
      const r = Math.min(0.16, 8.4 / stages.length / 2.6);
      stages.forEach((st, i) => face(s, 0.8 + r + i * r * 2.6, 4.65, r, st.emotion));
    }
    s.notes(this.sourcesNotes());
  }

  private sourcesNotes(): string {
    const notes = this.deck.notes;
    if (!notes.length) return '';
    const lines = notes.map((n) => {
      const label = clean(n.label).trim();
      const d = clean(n.description ?? '').trim();
      return `- ${[label, d].filter(Boolean).join(': ')}`;
    });
    return `${this.l.notesSources}:\n${lines.join('\n')}`;
  }

  /** The overview: the journey grid as native shapes and text boxes (overviewLayout.ts). */
  async overviewSlides() {
    const l = this.l;
    const measure: TextMeasure = {
      clean: (t) => {
        const c = clean(t);
        // Most texts have single plain spaces only: kept as they are, not copied.
        return /[^\S ]| {2}/.test(c) ? c.replace(/\s+/g, ' ') : c;
      },
      width: (t, size, bold) => textWidthIn(t, size, bold) * PT,
    };
    const top = 1.15;
    const k = PT * OVERVIEW_SCALE;
    const area = { x: MARGIN * k, y: top * k, w: CONTENT_W * k, h: (CONTENT_BOTTOM - top) * k };
    const pt = (size: number) => Math.round((size / OVERVIEW_SCALE) * 10) / 10;
    const pages = layoutOverview(
      this.deck,
      {
        lanes: l.lanes,
        corner: l.lanesCorner,
        emotions: l.emotion,
        unrated: l.unrated,
        untitledStage: l.untitledStage,
      },
      area,
      measure,
    );
    const stages = this.deck.stages;
    const facts = l.facts(
      stages.length,
      stages.reduce((n, st) => n + st.touchpoints.length, 0),
    );
    const summary = stages
      .map(
        (st) =>
          `- ${stageName(l, st)}: ${l.touchpointCount(st.touchpoints.length)}, ${l.meanEmotion}: ${emotionName(l, st.emotion)}`,
      )
      .join('\n');
    const notes = [summary, this.sourcesNotes()].filter(Boolean).join('\n\n');
    const inch = (b: Box): Box => ({
      x: b.x / k,
      y: b.y / k,
      w: b.w / k,
      h: b.h / k,
    });
    const fills = new Map<Emotion | null, { fill: string; edge: string }>();
    const colorOf = (e: number | null) => {
      const k = finite(e) ? (Math.max(-2, Math.min(2, Math.round(e))) as Emotion) : null;
      let c = fills.get(k);
      if (!c) {
        const edge = emotionHex(k);
        fills.set(k, (c = { fill: tint(edge, 0.82), edge }));
      }
      return c;
    };
    const plain = { font: FONT, margin: 1, valign: 'top' as const };
    for (const [i, page] of pages.entries()) {
      await breathe(); // the layout, then each slide, in a task of its own (breathe.ts)
      const s = this.slide();
      const part = pages.length > 1 ? ` ${l.part(i + 1, pages.length)}` : '';
      this.header(s, l.overview + part, facts);
      if (!stages.length)
        text(
          s,
          l.noTouchpoints,
          { x: MARGIN, y: top, w: CONTENT_W, h: 0.5 },
          { max: 14, min: 10, color: MUTED },
        );
      for (const b of page.boxes) {
        switch (b.kind) {
          case 'band':
            if (b.shaded) s.shape('rect', inch(b), { fill: 'F6F7F9' });
            break;
          case 'stage':
          case 'lane':
            s.text(inch(b), b.lines.join('\n'), {
              ...plain,
              size: pt(b.size),
              bold: true,
              color: b.kind === 'stage' ? INK : MUTED,
            });
            break;
          case 'card': {
            const c = colorOf(b.emotion);
            s.text(inch(b), b.lines.join(' '), {
              ...plain,
              shape: { fill: c.fill, line: { color: c.edge, width: 0.75 } },
              size: pt(b.size),
              color: INK,
            });
            break;
          }
          case 'text': {
            const body = { text: b.lines.join(' ') };
            s.text(
              inch(b),
              [
                {
                  runs: b.mark
                    ? [{ text: '■ ', color: b.mark === 'pain' ? PAIN : OPPORTUNITY }, body]
                    : [body],
                },
              ],
              { ...plain, size: pt(b.size), color: INK },
            );
            break;
          }
          case 'more':
            s.text(inch(b), b.text, { ...plain, size: pt(b.size), bold: true, color: MUTED });
            break;
          case 'count': {
            const c = b.emotion === undefined ? null : colorOf(b.emotion);
            s.text(inch(b), b.text, {
              ...plain,
              shape: {
                fill: c ? c.fill : 'F6F7F9',
                line: { color: c ? c.edge : RULE, width: 0.5 },
              },
              size: pt(b.size),
              bold: true,
              color: INK,
              align: 'center',
              valign: 'middle',
              margin: 0,
            });
            break;
          }
          case 'face': {
            const r = b.r / k;
            face(s, (b.x + b.r + 1) / k, (b.y + b.h / 2) / k, r, b.emotion);
            if (b.label)
              s.text(
                {
                  x: (b.x + 2 * b.r + 4) / k,
                  y: b.y / k,
                  w: Math.max(0.1, (b.w - 2 * b.r - 4) / k),
                  h: b.h / k,
                },
                b.label,
                { ...plain, valign: 'middle', size: pt(b.size), color: MUTED },
              );
            break;
          }
        }
      }
      s.notes(notes);
    }
  }

  /** The side column of a stage: pain points, opportunities, KPIs, devices, content lanes. */
  private stageSections(st: DeckStage): Section[] {
    const l = this.l;
    return [
      { title: l.painPoints, color: PAIN, items: st.painPoints },
      { title: l.opportunities, color: OPPORTUNITY, items: st.opportunities },
      {
        title: l.kpis,
        color: ACCENT,
        items: st.kpis.map((k) => {
          const target = finite(k.target)
            ? ` (${kpiTarget(k.target, k.unit && clean(k.unit), this.l.locale)})`
            : '';
          return `${clean(k.name)}${target}`;
        }),
      },
      { title: l.devices, items: st.devices, inline: true },
      ...st.lanes.map((lane) => ({
        title: clean(lane.title).trim() || l.laneType[lane.type] || lane.type,
        items: lane.items,
        evidence: lane.items.map((_, i) => evidenceText(l.evidenceLevel, lane.evidence?.[i])),
      })),
    ];
  }

  private card(s: Slide, tp: DeckTouchpoint, x: number, y: number, w: number, h: number) {
    const l = this.l;
    const e = isEmotion(tp.emotion) ? tp.emotion : null;
    const color = emotionHex(e);
    s.shape(
      'roundRect',
      { x, y, w, h },
      { fill: tint(color, 0.86), line: { color, width: 1.25 }, rectRadius: 0.08 },
    );
    const r = 0.12;
    face(s, x + 0.08 + r, y + 0.08 + r, r, e);
    text(
      s,
      clean(tp.channel ?? '').trim() || l.noChannel,
      { x: x + 0.14 + 2 * r, y: y + 0.06, w: w - 0.18 - 2 * r, h: 2 * r + 0.06 },
      {
        max: 9,
        min: 7,
        bold: true,
        color: '374151',
        maxLines: 1,
        valign: 'middle',
      },
    );
    const facts = [
      tp.owner ? clean(tp.owner).trim() : '',
      finite(tp.volume) ? l.volume(tp.volume) : '',
    ].filter(Boolean);
    const footH = facts.length ? 0.22 : 0;
    text(
      s,
      actionOf(l, tp),
      { x: x + 0.04, y: y + 0.38, w: w - 0.08, h: h - 0.42 - footH },
      {
        max: 11,
        min: 7.5,
        maxChars: 300,
      },
    );
    if (facts.length)
      text(
        s,
        facts.join(' · '),
        { x: x + 0.04, y: y + h - 0.25, w: w - 0.08, h: 0.22 },
        {
          max: 7.5,
          min: 6,
          color: MUTED,
          maxLines: 1,
        },
      );
  }

  /** Items joined for the notes, each followed by its evidence when said. */
  private withEvidence(items: readonly string[], evidence?: readonly (Evidence | null)[]): string {
    return items
      .map((t, i) => this.itemNote(t, evidenceText(this.l.evidenceLevel, evidence?.[i])))
      .join('; ');
  }

  private itemNote(text: string, evidence: string | undefined): string {
    return evidence ? `${clean(text)} (${this.l.evidence}: ${clean(evidence)})` : clean(text);
  }

  private touchpointNotes(tps: readonly DeckTouchpoint[]): string[] {
    const l = this.l;
    return tps.flatMap((tp) => {
      const facts = [
        clean(tp.channel ?? '').trim() || l.noChannel,
        emotionName(l, isEmotion(tp.emotion) ? tp.emotion : null),
        tp.owner ? `${l.owner}: ${clean(tp.owner)}` : '',
        finite(tp.volume) ? l.volume(tp.volume) : '',
        tp.kpis.length ? `${l.kpis}: ${tp.kpis.map(clean).join(', ')}` : '',
      ].filter(Boolean);
      const out = [`- ${actionOf(l, tp)} (${facts.join('; ')})`];
      const ev = evidenceText(l.evidenceLevel, tp.evidence);
      if (ev) out.push(`  ${l.evidence}: ${clean(ev)}`);
      if (tp.painPoints.length)
        out.push(`  ${l.painPoints}: ${this.withEvidence(tp.painPoints, tp.painPointEvidence)}`);
      if (tp.opportunities.length)
        out.push(
          `  ${l.opportunities}: ${this.withEvidence(tp.opportunities, tp.opportunityEvidence)}`,
        );
      return out;
    });
  }

  /** One stage: its first slide with the side column, then more cards on "(2/n)" slides. */
  async stageSlides(st: DeckStage, total: number, tick: () => Promise<void>) {
    const l = this.l;
    const side = this.stageSections(st).filter((sec) => sec.items.some((t) => clean(t).trim()));
    const firstCols = side.length ? 3 : 5;
    const top0 = 1.15 + (st.description?.trim() ? 0.34 : 0);
    const rowsAt = (top: number) =>
      Math.max(1, Math.floor((CONTENT_BOTTOM - top + CARD_GAP) / (CARD_H + CARD_GAP)));
    const firstCap = firstCols * rowsAt(top0);
    const restCap = 5 * rowsAt(1.15);
    const tps = st.touchpoints;
    const parts = tps.length <= firstCap ? 1 : 1 + Math.ceil((tps.length - firstCap) / restCap);
    for (let p = 0; p < parts; p++) {
      const s = this.slide();
      const title = `${stageName(l, st)}${parts > 1 ? ` ${l.part(p + 1, parts)}` : ''}`;
      const sub = [
        l.stageOf(st.index, total),
        l.touchpointCount(tps.length),
        `${l.meanEmotion}: ${emotionName(l, st.emotion)}`,
      ].join(' · ');
      let top = this.header(s, title, sub);
      face(s, SLIDE_W - MARGIN - 0.26, 0.53, 0.24, st.emotion);
      const cols = p === 0 ? firstCols : 5;
      const cap = p === 0 ? firstCap : restCap;
      const from = p === 0 ? 0 : firstCap + (p - 1) * restCap;
      const shown = tps.slice(from, from + cap);
      if (p === 0 && st.description?.trim()) {
        text(
          s,
          st.description,
          { x: MARGIN, y: top - 0.04, w: CONTENT_W, h: 0.32 },
          {
            max: 11,
            min: 8.5,
            italic: true,
            color: '374151',
            maxLines: 1,
          },
        );
        top += 0.34;
      }
      const areaW = p === 0 && side.length ? 5.95 : CONTENT_W;
      const cardW = (areaW - (cols - 1) * CARD_GAP) / cols;
      if (!tps.length)
        text(
          s,
          l.noTouchpoints,
          { x: MARGIN, y: top, w: areaW, h: 0.5 },
          { max: 14, min: 10, color: MUTED },
        );
      // Fewer rows than room for: taller cards, so actions keep a readable size.
      const rows = Math.max(1, Math.ceil(shown.length / cols));
      const cardH = Math.max(
        CARD_H,
        Math.min(1.5, (CONTENT_BOTTOM - top + CARD_GAP) / rows - CARD_GAP),
      );
      shown.forEach((tp, i) =>
        this.card(
          s,
          tp,
          MARGIN + (i % cols) * (cardW + CARD_GAP),
          top + Math.floor(i / cols) * (cardH + CARD_GAP),
          cardW,
          cardH,
        ),
      );
      if (p === 0 && side.length) {
        const x = MARGIN + areaW + 0.2;
        s.shape(
          'line',
          { x: x - 0.1, y: top, w: 0, h: CONTENT_BOTTOM - top },
          { line: { color: RULE, width: 1 } },
        );
        sections(
          s,
          side,
          { x, y: top - 0.04, w: SLIDE_W - MARGIN - x, h: CONTENT_BOTTOM - top + 0.04 },
          {
            max: 11,
            min: 7.5,
            more: l.more,
          },
        );
      }
      const notes: string[] = [`${title} (${l.stageOf(st.index, total)})`];
      if (p === 0) {
        if (st.description?.trim()) notes.push(clean(st.description));
        for (const sec of side) {
          const items = sec.items
            .map((t, k) => this.itemNote(t, sec.evidence?.[k]))
            .filter((t) => t.trim());
          notes.push(
            sec.inline
              ? `${sec.title}: ${items.join(', ')}`
              : `${sec.title}:\n${items.map((t) => `- ${t}`).join('\n')}`,
          );
        }
      }
      if (shown.length)
        notes.push(`${l.notesTouchpoints}:\n${this.touchpointNotes(shown).join('\n')}`);
      s.notes(notes.join('\n\n'));
      await tick();
    }
  }

  curveSlide() {
    const l = this.l;
    const stages = this.deck.stages;
    const s = this.slide();
    const top = this.header(s, l.emotionCurve);
    const x0 = MARGIN + 1.25;
    const x1 = SLIDE_W - MARGIN - 0.1;
    const yTop = top + 0.25;
    const yBottom = 4.05;
    const yOf = (e: number) =>
      yBottom - ((Math.max(-2, Math.min(2, e)) + 2) / 4) * (yBottom - yTop);
    for (const e of [2, 1, 0, -1, -2] as const) {
      const y = yOf(e);
      line(s, [x0, y], [x1, y], {
        color: e === 0 ? 'C5CBD3' : RULE,
        width: 0.75,
        dash: e !== 0,
      });
      face(s, x0 - 0.14, y, 0.08, e);
      text(
        s,
        l.emotion[e],
        { x: MARGIN - 0.05, y: y - 0.13, w: x0 - MARGIN - 0.22, h: 0.26 },
        {
          max: 9,
          min: 6.5,
          color: MUTED,
          maxLines: 1,
          align: 'right',
          valign: 'middle',
        },
      );
    }
    const step = (x1 - x0) / Math.max(1, stages.length);
    const cx = (i: number) => x0 + step * (i + 0.5);
    let prev: { x: number; y: number; i: number } | null = null;
    for (const [i, st] of stages.entries()) {
      if (!finite(st.emotion)) continue;
      const pt = { x: cx(i), y: yOf(st.emotion), i };
      if (prev)
        line(s, [prev.x, prev.y], [pt.x, pt.y], {
          color: ACCENT,
          width: 2.25,
          dash: pt.i - prev.i > 1,
        });
      prev = pt;
    }
    const r = Math.max(0.05, Math.min(0.16, step * 0.3));
    stages.forEach((st, i) => {
      if (finite(st.emotion)) face(s, cx(i), yOf(st.emotion), r, st.emotion);
      else
        s.shape(
          'ellipse',
          { x: cx(i) - r * 0.6, y: yOf(0) - r * 0.6, w: r * 1.2, h: r * 1.2 },
          { fill: 'FFFFFF', line: { color: emotionHex(null), width: 1, dash: true } },
        );
      line(s, [cx(i), yBottom + 0.05], [cx(i), yBottom + 0.12], {
        color: 'C5CBD3',
        width: 0.75,
      });
      // Narrow columns: numbers only, on every k-th stage so they never overlap.
      const narrow = step < 0.42;
      const every = narrow ? Math.ceil(0.34 / step) : 1;
      if (i % every !== 0) return;
      const w = narrow ? Math.min(every * step, 0.4) : step - 0.02;
      text(
        s,
        narrow ? String(st.index) : stageName(l, st),
        {
          x: Math.max(x0 - 0.1, Math.min(x1 + 0.1 - w, cx(i) - w / 2)),
          y: yBottom + 0.14,
          w,
          h: CONTENT_BOTTOM - yBottom - 0.14,
        },
        { max: 10, min: 5.5, color: INK, maxLines: narrow ? 1 : 3, align: 'center' },
      );
    });
    s.notes(
      stages
        .map(
          (st) =>
            `- ${stageName(l, st)}: ${emotionName(l, st.emotion)}${finite(st.emotion) ? ` (${oneDecimal(st.emotion)})` : ''}`,
        )
        .join('\n'),
    );
  }

  strategySlide() {
    const l = this.l;
    const st = this.deck.strategy;
    const s = this.slide();
    const top = this.header(s, l.strategy, this.title);
    const gap = 0.15;
    const colW = (CONTENT_W - 3 * gap) / 4;
    const h = CONTENT_BOTTOM - top;
    const goals: Section[] = [
      {
        items: st.goals.map((g) =>
          [
            clean(g.title).trim(),
            g.target ? l.target(clean(g.target)) : '',
            g.deadline ? l.deadline(l.date(g.deadline)) : '',
          ]
            .filter(Boolean)
            .join(' · '),
        ),
      },
    ];
    const channels: Section[] = [
      {
        items: st.channels.map((c) =>
          [
            clean(c.label).trim(),
            c.status ? l.channelStatus[c.status] : '',
            finite(c.preferencePct) ? l.preference(c.preferencePct) : '',
          ]
            .filter(Boolean)
            .join(' · '),
        ),
      },
    ];
    const kpis: Section[] = KPI_FAMILIES.map((f) => ({
      title: l.kpiFamily[f],
      color: ACCENT,
      items: st.kpis
        .filter((k) => k.family === f)
        .map((k) => {
          const target = finite(k.target)
            ? ` (${kpiTarget(k.target, k.unit && clean(k.unit), this.l.locale)})`
            : '';
          return `${clean(k.name)}${target}${k.frequency ? ` · ${clean(k.frequency)}` : ''}`;
        }),
    }));
    const c = st.costs;
    const done = st.checklist.filter((i) => i.done).length;
    const costs: Section[] = [
      {
        items:
          finite(c.totalToday) && c.totalToday > 0
            ? [
                `${l.monthlySaving}: ${l.money(finite(c.saving) ? c.saving : 0, c.currency)}`,
                l.savingShare(finite(c.savingPct) ? Math.round(c.savingPct * 10) / 10 : 0),
              ]
            : [],
      },
      {
        title: l.training,
        color: ACCENT,
        items: st.training.map((t) =>
          [clean(t.topic).trim(), l.trainingKind[t.kind] ?? '', t.due ? l.date(t.due) : '']
            .filter(Boolean)
            .join(' · '),
        ),
      },
      {
        title: l.goLive,
        color: ACCENT,
        items: [
          st.goLiveDate ? l.date(st.goLiveDate) : l.notSet,
          l.checklist(done, st.checklist.length),
        ],
      },
    ];
    const columns: [string, Section[]][] = [
      [l.goals, goals],
      [l.channels, channels],
      [l.kpis, kpis],
      [l.costs, costs],
    ];
    columns.forEach(([title, secs], i) => {
      const x = MARGIN + i * (colW + gap);
      s.shape(
        'roundRect',
        { x, y: top, w: colW, h },
        { fill: 'F8FAFC', line: { color: 'E2E8F0', width: 1 }, rectRadius: 0.08 },
      );
      text(
        s,
        title,
        { x: x + 0.06, y: top + 0.06, w: colW - 0.12, h: 0.34 },
        {
          max: 13,
          min: 9,
          bold: true,
          color: ACCENT,
          maxLines: 1,
        },
      );
      const has = secs.some((sec) => sec.items.some((t) => t.trim()));
      if (!has)
        text(
          s,
          l.notSet,
          { x: x + 0.06, y: top + 0.42, w: colW - 0.12, h: 0.3 },
          { max: 10, min: 8, color: MUTED },
        );
      else
        sections(
          s,
          secs,
          { x: x + 0.06, y: top + 0.42, w: colW - 0.12, h: h - 0.5 },
          { max: 12, min: 7, more: l.more },
        );
    });
    const notes = columns.map(([title, secs]) => {
      const body = secs
        .filter((sec) => sec.items.length)
        .map(
          (sec) =>
            `${sec.title ? `${sec.title}:\n` : ''}${sec.items.map((t) => `- ${clean(t)}`).join('\n')}`,
        )
        .join('\n');
      return `${title}:\n${body || l.notSet}`;
    });
    const benefits = st.goals.filter((g) => g.benefit?.trim());
    if (benefits.length)
      notes.push(benefits.map((g) => `- ${clean(g.title)}: ${clean(g.benefit)}`).join('\n'));
    s.notes(notes.join('\n\n'));
  }
}

/**
 * Builds the deck as a .pptx file. Rejects with the signal's reason (an AbortError) when
 * `signal` aborts; progress goes 0 → 1 through `onProgress`.
 */
export async function buildPptx(deck: Deck, opts: PptxOptions): Promise<Uint8Array> {
  const { signal, onProgress } = opts;
  signal?.throwIfAborted();
  const b = new DeckBuilder(deck, opts);
  const stages = deck.stages;
  const steps = stages.length + 2;
  let done = 0;
  const pause = async () => {
    await breathe();
    signal?.throwIfAborted();
  };
  const tick = async () => {
    done += 1;
    onProgress?.((0.85 * done) / steps);
    await pause();
  };
  onProgress?.(0);
  const endSlides = span('pptx:slides');
  b.titleSlide();
  await pause();
  await timed('pptx:overview', () => b.overviewSlides());
  await tick();
  for (const st of stages) {
    await b.stageSlides(st, stages.length, pause);
    await tick();
  }
  if (stages.length) b.curveSlide();
  if (deck.strategy.hasContent) b.strategySlide();
  await tick();
  endSlides();
  await pause();
  const zip = await timed('pptx:write', () => presentationZip(b.pres));
  signal?.throwIfAborted();
  onProgress?.(0.92);
  const out = await timed('pptx:patch', () =>
    patchPptx(zip, {
      typeface: FONT,
      slides: b.slides,
      ...(opts.fontTtf ? { fontTtf: opts.fontTtf } : {}),
      ...(opts.fontBoldTtf ? { fontBoldTtf: opts.fontBoldTtf } : {}),
    }),
  );
  signal?.throwIfAborted();
  onProgress?.(1);
  return out;
}
