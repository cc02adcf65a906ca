/**
 * The legends drawn in exported pictures, in the user's language.
 * - Canvas: node kinds and emotions, coloured as on the canvas (emotions as plain coloured
 *   dots: emoji faces would need an emoji font on the machine).
 * - Grid: the emotion faces the grid's cards show (the app's SVG face, not emoji) and the
 *   service blueprint's lines (interaction, visibility, internal interaction) the grid draws.
 * - Both: the evidence marks (shape and letter, view/personas/EvidenceMark.tsx) the picture
 *   holds, when it holds any.
 */
import type { TFunction } from 'i18next';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Legend, LegendGroup, LegendItem } from '../../export/compose';
import { KIND_COLOR } from '../../model/kindColor';
import {
  EMOTIONS,
  EVIDENCE_LEVELS,
  NODE_KINDS,
  type Emotion,
  type NodeKind,
} from '../../model/types';
import { EVIDENCE_LETTER } from '../personas/evidence';
import { EMOTION_COLOR } from '../emotionStyle';
import { Face } from '../Face';

/** The CSS variable styles.css colours a kind with (`--stage`…); its default is KIND_COLOR. */
const kindColorVar = (k: NodeKind) => `--${k}`;

function emotionItems(t: TFunction<'export'>): LegendItem[] {
  return EMOTIONS.map((e) => ({
    label: t(`legend.emotion.${e}`),
    color: EMOTION_COLOR[e],
    round: true,
  }));
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An evidence mark as a detached SVG, with the classes evidence.css draws it by. */
function evidenceSwatch(level: (typeof EVIDENCE_LEVELS)[number]): Element {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('viewBox', '-8 -8 16 16');
  svg.setAttribute('class', `ev-mark-svg ev-mark-${level}`);
  const circle = document.createElementNS(SVG_NS, 'circle');
  circle.setAttribute('class', `ev-shape ev-${level}`);
  circle.setAttribute('r', '6.5');
  const letter = document.createElementNS(SVG_NS, 'text');
  letter.setAttribute('class', `ev-letter ev-${level}`);
  letter.setAttribute('y', '3.3');
  letter.textContent = EVIDENCE_LETTER[level];
  svg.append(circle, letter);
  return svg;
}

/** The legend's evidence group: the levels the picture's root marks (`data-evidence`), in order. */
export function evidenceGroup(t: TFunction<'export'>, root: Element): LegendGroup[] {
  const present = new Set(
    [...root.querySelectorAll('[data-evidence]')].map((e) => e.getAttribute('data-evidence')),
  );
  const items: LegendItem[] = EVIDENCE_LEVELS.filter((l) => present.has(l)).map((l) => ({
    label: t(`legend.evidenceLevel.${l}`),
    color: 'transparent',
    swatch: evidenceSwatch(l),
  }));
  return items.length ? [{ title: t('legend.evidence'), items }] : [];
}

export function buildLegend(t: TFunction<'export'>, flowRoot: HTMLElement): Legend {
  const style = getComputedStyle(flowRoot);
  return {
    groups: [
      {
        title: t('legend.kinds'),
        items: NODE_KINDS.map((k) => {
          return {
            label: t(`legend.kind.${k}`),
            color: style.getPropertyValue(kindColorVar(k)).trim() || KIND_COLOR[k],
          };
        }),
      },
      { title: t('legend.emotions'), items: emotionItems(t) },
      ...evidenceGroup(t, flowRoot),
    ],
  };
}

/** The app's emotion face (view/Face.tsx) as a detached SVG element, rendered once per emotion. */
function faceElement(emotion: Emotion): Element | undefined {
  const host = document.createElement('div');
  const root = createRoot(host);
  flushSync(() => root.render(createElement(Face, { emotion, size: 18 })));
  const svg = host.firstElementChild?.cloneNode(true) as Element | undefined;
  root.unmount();
  return svg;
}

/** The blueprint lines the grid draws (view/grid: a row `has-line line-<kind>`, coloured by `--blueprint-line`). */
const LINE_KINDS = ['interaction', 'visibility', 'internal'] as const;
const LINE_FALLBACK = '#495057';

/** The grid picture's legend: the emotion faces, and the blueprint lines the grid draws. */
export function buildGridLegend(t: TFunction<'export'>, gridRoot: HTMLElement): Legend {
  const faces: LegendItem[] = EMOTIONS.map((e) => {
    const swatch = faceElement(e);
    return {
      label: t(`legend.emotion.${e}`),
      color: EMOTION_COLOR[e],
      round: true,
      ...(swatch ? { swatch } : {}),
    };
  });
  const lines: LegendItem[] = [];
  for (const kind of LINE_KINDS) {
    const row = gridRoot.querySelector(`.has-line.line-${kind}`);
    if (!row) continue;
    const color = getComputedStyle(row).getPropertyValue('--blueprint-line').trim();
    lines.push({ label: t(`legend.line.${kind}`), color: color || LINE_FALLBACK, line: 'dashed' });
  }
  return {
    groups: [
      { title: t('legend.emotions'), items: faces },
      ...(lines.length ? [{ title: t('legend.lines'), items: lines }] : []),
      ...evidenceGroup(t, gridRoot),
    ],
  };
}
