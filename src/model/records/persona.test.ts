import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { evidenceLink, restoreEvidence, restoreEvidenceList } from './evidence';
import { PERSONA_COLORS, personaColorAt, restorePersona } from './persona';
import { personaEmotionKey, restoreTouchpoint } from './touchpoint';
import { restoreLaneItem } from './lane-item';
import { personaRecordSchema, touchpointRecordSchema } from './support/schemas';

/** WCAG relative luminance and contrast of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('persona palette', () => {
  it('every colour carries white initials (4.5:1) and shows on white (3:1)', () => {
    for (const c of PERSONA_COLORS) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(4.5);
  });
  it('is distinct and wraps around', () => {
    expect(new Set(PERSONA_COLORS).size).toBe(PERSONA_COLORS.length);
    expect(personaColorAt(PERSONA_COLORS.length)).toBe(PERSONA_COLORS[0]);
    expect(personaColorAt(-1)).toBe(PERSONA_COLORS.at(-1));
  });
});

describe('restorePersona', () => {
  it('keeps a valid persona as it is, with no repairs', () => {
    const raw = {
      name: 'Marco',
      role: 'Business traveller',
      quote: 'Just let me board.',
      goals: ['Be on time'],
      needs: ['Mobile boarding pass'],
      frustrations: ['Queues'],
      color: PERSONA_COLORS[2],
      order: 2,
    };
    const { value, repaired } = restorePersona(raw, 'p1');
    expect(value).toEqual({ id: 'p1', ...raw });
    expect(repaired).toEqual([]);
    expect(personaRecordSchema.safeParse(value).success).toBe(true);
  });

  it('repairs garbage: wrong types, a colour outside the palette, unknown fields kept', () => {
    const m = new Y.Doc().getMap<unknown>('x');
    m.set('name', 42);
    m.set('goals', ['ok', 7, 'x'.repeat(6000)]);
    m.set('color', 'url(javascript:alert(1))');
    m.set('order', NaN);
    m.set('x-future', { a: 1 });
    const { value, repaired } = restorePersona(m, 'p2');
    expect(value.name).toBe('');
    expect(value.goals).toHaveLength(2);
    expect(value.goals[1]).toHaveLength(5000);
    expect(PERSONA_COLORS).toContain(value.color);
    expect(value.order).toBe(0);
    expect(value.extra).toEqual({ 'x-future': { a: 1 } });
    expect(repaired.map((r) => r.field)).toEqual(
      expect.arrayContaining(['name', 'goals.1', 'color', 'order']),
    );
    expect(personaRecordSchema.safeParse(value).success).toBe(true);
    for (const raw of [null, 'x', [], new Uint8Array(2), new Y.Map()])
      expect(personaRecordSchema.safeParse(restorePersona(raw, 'p').value).success).toBe(true);
  });
});

describe('evidence', () => {
  it('keeps a valid evidence, drops an unknown level, cuts a long source', () => {
    const log: never[] = [];
    const ok = { level: 'observed', source: 'Survey, March' };
    expect(restoreEvidence(ok, 'evidence', log)).toBe(ok);
    expect(log).toEqual([]);
    const repairs: { field: string }[] = [];
    expect(restoreEvidence({ level: 'maybe' }, 'e', repairs as never)).toBeUndefined();
    expect(
      restoreEvidence({ level: 'assumed', source: 'x'.repeat(3000) }, 'e', [])?.source,
    ).toHaveLength(2000);
    expect(restoreEvidence({ level: 'assumed', source: 4, html: '<b>' }, 'e', [])).toEqual({
      level: 'assumed',
    });
    expect(restoreEvidence('assumed', 'e', [])).toBeUndefined();
  });

  it('a list has one entry per item at most; bad entries become null', () => {
    const list = restoreEvidenceList(
      [{ level: 'reported' }, 'x', null, { level: 'assumed' }],
      'l',
      3,
      [],
    );
    expect(list).toEqual([{ level: 'reported' }, null, null]);
  });

  it('a link is an http(s) URL only', () => {
    expect(evidenceLink('https://example.com/report?q=1')).toBe('https://example.com/report?q=1');
    expect(evidenceLink('http://intranet/survey')).toBe('http://intranet/survey');
    for (const s of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'Interview: 12 March',
      'ftp://x',
      'https://',
      undefined,
    ])
      expect(evidenceLink(s), String(s)).toBeNull();
  });

  it('a lane item keeps its evidence', () => {
    const { value } = restoreLaneItem(
      { laneId: 'l', stageId: 's', text: 't', order: 1, evidence: { level: 'assumed' } },
      'i',
    );
    expect(value.evidence).toEqual({ level: 'assumed' });
  });
});

describe('a touchpoint with personas and evidence', () => {
  it('reads flat per-persona emotions over the object form, scope and evidence lists', () => {
    const m = new Y.Doc().getMap<unknown>('tp');
    m.set('from', 'a');
    m.set('to', 'b');
    m.set('emotion', 1);
    m.set('painPoints', ['queue', 'price']);
    m.set('emotionByPersona', { p1: 2, p2: -1 });
    m.set(personaEmotionKey('p1'), -2);
    m.set('personas', ['p1']);
    m.set('evidence', { level: 'observed', source: 'https://x.test' });
    m.set('painPointEvidence', [null, { level: 'assumed' }]);
    const { value, repaired } = restoreTouchpoint(m, 't1');
    expect(repaired).toEqual([]);
    expect(value.emotionByPersona).toEqual({ p1: -2, p2: -1 });
    expect(value.personas).toEqual(['p1']);
    expect(value.painPointEvidence).toEqual([null, { level: 'assumed' }]);
    expect(value.extra).toBeUndefined();
    expect(touchpointRecordSchema.safeParse(value).success).toBe(true);
  });

  it('repairs bad per-persona emotions and ids, never keeping them in extra', () => {
    const m = new Y.Doc().getMap<unknown>('tp');
    m.set('from', 'a');
    m.set('to', 'b');
    m.set('emotion/p1', 2.5);
    m.set('emotion/has space', 1);
    m.set('emotion/', 1);
    m.set('emotionByPersona', { ok: 1, bad: 'x' });
    m.set('personas', ['p1', 5, '']);
    m.set('painPointEvidence', [{ level: 'observed' }]);
    const { value, repaired } = restoreTouchpoint(m, 't2');
    expect(value.emotionByPersona).toEqual({ ok: 1 });
    expect(value.personas).toEqual(['p1']);
    expect(value.painPointEvidence).toEqual([]);
    expect(value.extra).toBeUndefined();
    expect(repaired.length).toBeGreaterThanOrEqual(6);
    expect(touchpointRecordSchema.safeParse(value).success).toBe(true);
  });
});
