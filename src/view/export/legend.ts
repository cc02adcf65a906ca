/**
 * The legend drawn in exported pictures: node kinds and emotions, coloured as on the canvas.
 * Emotions are plain coloured dots: emoji faces would need an emoji font on the machine.
 */
import type { TFunction } from 'i18next';
import type { Legend } from '../../export/compose';
import { EMOTIONS, NODE_KINDS } from '../../model/types';
import { EMOTION_COLOR } from '../emotionStyle';

/** The CSS variables styles.css colours the kinds with; fallbacks match its defaults. */
const KIND_COLOR_VAR: Record<(typeof NODE_KINDS)[number], [string, string]> = {
  stage: ['--stage', '#3b5bdb'],
  channel: ['--channel', '#0c8599'],
  device: ['--device', '#7048e8'],
  note: ['--note', '#f2c94c'],
};

export function buildLegend(t: TFunction<'export'>, flowRoot: HTMLElement): Legend {
  const style = getComputedStyle(flowRoot);
  return {
    kindsTitle: t('legend.kinds'),
    kinds: NODE_KINDS.map((k) => {
      const [name, fallback] = KIND_COLOR_VAR[k];
      return {
        label: t(`legend.kind.${k}`),
        color: style.getPropertyValue(name).trim() || fallback,
      };
    }),
    emotionsTitle: t('legend.emotions'),
    emotions: EMOTIONS.map((e) => ({
      label: t(`legend.emotion.${e}`),
      color: EMOTION_COLOR[e],
      round: true,
    })),
  };
}
