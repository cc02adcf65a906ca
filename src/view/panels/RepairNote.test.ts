/** A repaired value is shown as repaired where it is edited, and only while it is repaired. */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Repair } from '../../model/records/support/repair';
import type { JourneyNode, MapSnapshot } from '../../model/types';
import { MapHeader } from '../editor/MapHeader';
import { GoalsStep } from '../strategy/GoalsStep';
import { KpiCard } from '../strategy/KpiCard';
import { StartingPointStep } from '../strategy/StartingPointStep';
import {
  commandCalls,
  controls,
  makeSnapshot,
  renderStatic,
  textOf,
} from '../testing/staticRender';
import { Inspector } from './Inspector';

const node: JourneyNode = {
  id: 'n1',
  kind: 'channel',
  label: '42',
  x: 0,
  y: 0,
  channelType: 'web',
};
const repair = (field: string, kind: Repair['kind']): Repair => ({ field, problem: 'test', kind });
const inspect = (snapshot: MapSnapshot, lang: 'en' | 'it' = 'en') =>
  renderStatic(
    createElement(Inspector, {
      snapshot,
      selection: { nodes: new Set(['n1']), touchpoints: new Set<string>() },
    }),
    snapshot,
    lang,
  );
/** The control whose aria-describedby points at a note, and that note's text. */
const described = (html: string) =>
  controls(html)
    .filter((c) => c.attrs['aria-describedby'])
    .map((c) => ({
      field: c.attrs['aria-describedby'],
      note: textOf(html, c.attrs['aria-describedby']!),
    }));

describe('RepairNote', () => {
  it('notes a repaired field next to its input, linked by aria-describedby', () => {
    const html = inspect(
      makeSnapshot({ nodes: [node], repairs: { 'node:n1': [repair('label', 'wrongType')] } }),
    );
    expect(described(html)).toEqual([
      { field: 'repair-node:n1-label', note: '⚠Repaired: the value had the wrong type.' },
    ]);
    expect(html).toContain('role="note"');
    // Showing a repair writes nothing: the value reaches the doc when a person edits it.
    expect(commandCalls).toEqual([]);
  });

  it('shows nothing once the repair is gone from the snapshot', () => {
    const html = inspect(makeSnapshot({ nodes: [node] }));
    expect(html).not.toContain('repair-note');
    expect(described(html)).toEqual([]);
  });

  it('speaks the UI language', () => {
    const html = inspect(
      makeSnapshot({ nodes: [node], repairs: { 'node:n1': [repair('description', 'tooLong')] } }),
      'it',
    );
    expect(textOf(html, 'repair-node:n1-description')).toBe(
      '⚠Riparato: il testo era troppo lungo ed è stato tagliato.',
    );
  });

  it('puts record-level repairs and fields without an input in one note on the record', () => {
    const html = inspect(
      makeSnapshot({
        nodes: [node],
        repairs: { 'node:n1': [repair('', 'wrongType'), repair('x', 'outOfRange')] },
      }),
    );
    expect(textOf(html, 'repair-node:n1-record')).toBe(
      '⚠Repaired: the value had the wrong type; x: the number was out of range.',
    );
    expect(described(html)).toEqual([]);
  });

  it('marks a strategy card: a KPI whose family was unknown, a goal field, a competitor score', () => {
    const snapshot = makeSnapshot({
      strategy: {
        goals: [{ id: 'g1', title: 'Faster' }],
        kpis: [{ id: 'k1', name: 'Speed', family: 'service' }],
        startingPoint: {
          self: { id: 'self', name: '' },
          competitors: [{ id: 'c1', name: 'Rival' }],
        },
      },
      repairs: {
        'kpi:k1': [repair('family', 'unknown')],
        'goal:g1': [repair('title', 'wrongType'), repair('benefit', 'tooLong')],
        'competitor:c1': [repair('serviceCulture', 'outOfRange')],
      },
    });
    const kpi = renderStatic(
      createElement(KpiCard, { kpi: snapshot.strategy.kpis[0]!, snapshot }),
      snapshot,
    );
    expect(textOf(kpi, 'repair-kpi:k1-record')).toBe(
      '⚠Repaired: family: the value was not one of the choices.',
    );
    const goals = renderStatic(
      createElement(GoalsStep, { goals: snapshot.strategy.goals, repairs: snapshot.repairs }),
      snapshot,
    );
    expect(described(goals)).toEqual([
      { field: 'repair-goal:g1-title', note: '⚠Repaired: the value had the wrong type.' },
      {
        field: 'repair-goal:g1-benefit',
        note: '⚠Repaired: the text was too long and was cut.',
      },
    ]);
    const start = renderStatic(
      createElement(StartingPointStep, {
        startingPoint: snapshot.strategy.startingPoint,
        repairs: snapshot.repairs,
      }),
      snapshot,
    );
    expect(described(start)).toEqual([
      {
        field: 'repair-competitor:c1-serviceCulture',
        note: '⚠Repaired: the number was out of range.',
      },
    ]);
  });

  it('marks the map title from the meta record', () => {
    const snapshot = makeSnapshot({ repairs: { meta: [repair('title', 'tooLong')] } });
    const html = renderStatic(createElement(MapHeader, { title: 'Map' }), snapshot);
    // Only the repair marks (the header's language select has a hint of its own).
    expect(described(html).filter((d) => d.field?.startsWith('repair-'))).toEqual([
      { field: 'repair-meta-title', note: '⚠Repaired: the text was too long and was cut.' },
    ]);
  });

  it('keeps ids from peers safe inside aria-describedby', () => {
    const odd: JourneyNode = { ...node, id: 'a b"c' };
    const snapshot = makeSnapshot({
      nodes: [odd],
      repairs: { 'node:a b"c': [repair('label', 'missing')] },
    });
    const html = renderStatic(
      createElement(Inspector, {
        snapshot,
        selection: { nodes: new Set([odd.id]), touchpoints: new Set<string>() },
      }),
      snapshot,
    );
    expect(described(html)).toEqual([
      { field: 'repair-node:a_b_c-label', note: '⚠Repaired: the value was missing.' },
    ]);
  });
});
