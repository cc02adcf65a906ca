import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allRoots, nodesMap, SCHEMA_VERSION } from '../doc';
import { emotionCurve } from '../emotion';
import { arrange, nodeSize } from '../layout';
import { SEED } from '../origins';
import { readSnapshot } from '../read';
import { GOAL_PRESETS } from '../strategy/presets';
import { getTemplate, seedTemplate, TEMPLATE_KEYS, TEMPLATE_LOCALES, TEMPLATES } from './index';
import { AIRLINE_IT } from './airline.it';
import { localize } from './localize';
import { templateLaneOrder } from './build';
import { ECOMMERCE_IT } from './ecommerce.it';
import { gridModel } from '../grid';
import { personaEmotion } from '../personas';

const NOW = new Date('2026-03-01T09:30:00.000Z');
const byId = <T extends { id: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

function seeded(key: string, clientID?: number, now = NOW): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  seedTemplate(doc, key, `  My ${key} map  `, now);
  return doc;
}

const json = (doc: Y.Doc) => JSON.stringify(allRoots(doc).map((r) => r.toJSON()));

describe('templates', () => {
  it('offers blank, airline and e-commerce', () => {
    expect(TEMPLATES.map((t) => t.key)).toEqual([...TEMPLATE_KEYS]);
    expect(getTemplate('blank').nodes).toEqual([]);
    expect(() => getTemplate('zoo')).toThrow(
      'template.key: "zoo" is not one of blank, airline, ecommerce',
    );
  });

  for (const template of TEMPLATES) {
    describe(template.key, () => {
      it('seeds in one SEED transaction and reads back exactly', () => {
        const doc = new Y.Doc();
        const origins: unknown[] = [];
        doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
        seedTemplate(doc, template.key, '  Trip  ', NOW);
        expect(origins).toEqual([SEED]);
        const snap = readSnapshot(doc);
        expect(snap.meta).toEqual({
          schemaVersion: SCHEMA_VERSION,
          title: 'Trip',
          createdAt: '2026-03-01T09:30:00.000Z',
          template: template.key,
          language: 'en',
        });
        expect(snap.nodes).toEqual(byId(template.nodes));
        expect(snap.touchpoints).toEqual(byId(template.touchpoints));
        const s = template.strategy ?? {};
        expect(snap.strategy.goals).toEqual(s.goals ?? []);
        expect(snap.strategy.kpis).toEqual(s.kpis ?? []);
        expect(snap.strategy.training).toEqual(s.training ?? []);
        expect(snap.strategy.startingPoint.competitors).toEqual(s.competitors ?? []);
        expect(snap.strategy.channelPlans).toEqual(s.channelPlans ?? {});
        expect(snap.grid.lanes).toEqual(byId(template.lanes ?? []));
        expect(snap.grid.items).toEqual(byId(template.laneItems ?? []));
        expect(Object.fromEntries(snap.grid.settings)).toEqual(template.laneSettings ?? {});
        expect(snap.repairs).toEqual(new Map());
      });

      it('has grid lanes and items with unique ids, each item in a lane and stage it has', () => {
        const laneIds = (template.lanes ?? []).map((l) => l.id);
        expect(new Set(laneIds).size).toBe(laneIds.length);
        const itemIds = (template.laneItems ?? []).map((i) => i.id);
        expect(new Set(itemIds).size).toBe(itemIds.length);
        const stages = new Set(template.nodes.filter((n) => n.kind === 'stage').map((n) => n.id));
        for (const item of template.laneItems ?? []) {
          expect(laneIds, item.id).toContain(item.laneId);
          expect(stages.has(item.stageId), item.id).toBe(true);
          expect(item.text.trim(), item.id).not.toBe('');
        }
        // Every template starts with the three service-blueprint lanes, untitled.
        expect(
          (template.lanes ?? []).filter((l) =>
            ['frontstage', 'backstage', 'support'].includes(l.type),
          ),
        ).toEqual([
          { id: 'lane-frontstage', type: 'frontstage', title: '', order: 80, hidden: false },
          { id: 'lane-backstage', type: 'backstage', title: '', order: 90, hidden: false },
          { id: 'lane-support', type: 'support', title: '', order: 100, hidden: false },
        ]);
      });

      it('has unique ids, touchpoints whose ends exist, and references that resolve', () => {
        const ids = template.nodes.map((n) => n.id);
        expect(new Set(ids).size).toBe(ids.length);
        const tpIds = template.touchpoints.map((t) => t.id);
        expect(new Set(tpIds).size).toBe(tpIds.length);
        const kpiIds = new Set(template.strategy?.kpis?.map((k) => k.id));
        const goalIds = new Set(template.strategy?.goals?.map((g) => g.id));
        const channels = new Set(
          template.nodes.filter((n) => n.kind === 'channel').map((n) => n.id),
        );
        for (const tp of template.touchpoints) {
          expect(ids, tp.id).toContain(tp.from);
          expect(ids, tp.id).toContain(tp.to);
          for (const k of tp.kpiIds) expect(kpiIds, tp.id).toContain(k);
        }
        for (const k of template.strategy?.kpis ?? []) {
          if (k.goalId) expect(goalIds, k.id).toContain(k.goalId);
          for (const c of k.channelIds ?? []) expect(channels, k.id).toContain(c);
        }
        for (const c of Object.keys(template.strategy?.channelPlans ?? {}))
          expect(channels).toContain(c);
        const presets = GOAL_PRESETS.map((p) => p.key);
        for (const g of template.strategy?.goals ?? []) {
          if (g.preset) expect(presets, g.id).toContain(g.preset);
        }
      });

      it('is laid out by Arrange, overlap-free', () => {
        const pos = arrange(template.nodes, template.touchpoints, templateLaneOrder(template));
        for (const n of template.nodes) expect(pos.get(n.id), n.id).toEqual({ x: n.x, y: n.y });
        const boxes = template.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, ...nodeSize(n) }));
        for (const a of boxes) {
          for (const b of boxes) {
            if (a.id >= b.id) continue;
            const apart =
              a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
          }
        }
      });

      it('converges when two offline clients seed it and then sync', () => {
        const a = seeded(template.key, 1, NOW);
        const b = seeded(template.key, 2, new Date('2026-03-02T10:00:00.000Z'));
        const single = readSnapshot(a);
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        expect(json(a)).toEqual(json(b));
        // The merge holds one copy of each record, identical to a single seed.
        expect(readSnapshot(a).nodes).toEqual(single.nodes);
        expect(readSnapshot(a).touchpoints).toEqual(single.touchpoints);
        expect(nodesMap(a).size).toBe(template.nodes.length);
      });
    });
  }

  it('refuses a doc that is not empty and a title that is not a string', () => {
    const doc = seeded('blank');
    expect(() => seedTemplate(doc, 'airline', 'Again')).toThrow('seedTemplate.doc: must be empty');
    expect(() => seedTemplate(new Y.Doc(), 'airline', 42 as never)).toThrow(
      'seedTemplate.title: must be a string',
    );
    expect(() => seedTemplate(new Y.Doc(), 'nope', 'x')).toThrow('template.key:');
  });

  it('gives a blank map the default lanes: the derived ones and the empty blueprint lanes', () => {
    const grid = gridModel(readSnapshot(seeded('blank')));
    expect(grid.rows.map((r) => [r.key, r.title])).toEqual([
      ['actions', ''],
      ['devices', ''],
      ['emotion', ''],
      ['painPoints', ''],
      ['opportunities', ''],
      ['kpis', ''],
      ['lane:lane-frontstage', ''],
      ['lane:lane-backstage', ''],
      ['lane:lane-support', ''],
    ]);
    expect(grid.visibleRows).toHaveLength(grid.rows.length);
  });

  it('gives the airline a service blueprint in every stage and customer thoughts under the curve', () => {
    const grid = gridModel(readSnapshot(seeded('airline')));
    const keys = grid.rows.map((r) => r.key);
    expect(keys.indexOf('lane:lane-thoughts')).toBe(keys.indexOf('emotion') + 1);
    expect(grid.rows.find((r) => r.key === 'lane:lane-thoughts')).toMatchObject({
      type: 'text',
      title: 'Customer thoughts',
    });
    for (const stage of grid.stages) {
      const items = grid.columns.get(stage.id)!.items;
      for (const lane of ['lane-frontstage', 'lane-backstage', 'lane-support'])
        expect(items.get(lane)?.length, `${stage.id} ${lane}`).toBeGreaterThan(0);
    }
    const booking = grid.columns.get('stage-booking')!.items;
    expect(booking.get('lane-backstage')?.[0]?.text).toBe(
      'Agents answer calls with no booking history',
    );
    expect(booking.get('lane-support')?.map((i) => i.text)).toEqual([
      'Booking engine',
      'CRM',
      'Payment gateway',
    ]);
    expect(grid.columns.get('stage-inspiration')!.items.get('lane-support')?.[0]?.text).toBe(
      'Social listening tool',
    );
  });

  it('gives the airline a believable emotion curve: high at inspiration, lowest at the airport', () => {
    const curve = emotionCurve(readSnapshot(seeded('airline')));
    expect(curve.map((p) => p.label)).toEqual([
      'Inspiration',
      'Search',
      'Booking',
      'Check-in',
      'Airport',
      'Flight',
      'After the flight',
    ]);
    const avg = Object.fromEntries(curve.map((p) => [p.label, p.average!]));
    expect(curve.every((p) => p.average !== null && p.count >= 2)).toBe(true);
    expect(avg['Inspiration']).toBeCloseTo(5 / 3, 12); // +2 social, +2 web, +1 e-mail
    expect(avg['Check-in']).toBe(-1); // -1 app, 0 e-mail, -2 web
    expect(avg['Airport']).toBeCloseTo(-7 / 4, 12); // -2 desk, -1 app, -2 social, -2 phone
    expect(Math.min(...curve.map((p) => p.average!))).toBe(avg['Airport']);
  });

  it('gives the airline strategy examples: two goals, one KPI per family, one training session', () => {
    const { strategy } = readSnapshot(seeded('airline'));
    expect(strategy.startingPoint.self).toMatchObject({
      id: 'self',
      name: 'Our airline',
      digitalCompetence: 3,
    });
    expect(strategy.startingPoint.competitors).toHaveLength(1);
    expect(strategy.goals).toHaveLength(2);
    expect(strategy.kpis.map((k) => k.family)).toEqual(['service', 'quality', 'effectiveness']);
    expect(strategy.training).toHaveLength(1);
    expect(strategy.costModel).toEqual({ phoneContactCost: 6, currency: 'EUR', shiftPct: 20 });
  });

  describe('in the UI language', () => {
    /** The template with every text blanked: what must not depend on the language. */
    const structure = (key: string, locale: 'en' | 'it') => {
      const t = getTemplate(key, locale);
      return {
        nodes: t.nodes.map(({ label: _l, description: _d, ...rest }) => rest),
        touchpoints: t.touchpoints.map(
          ({ action: _a, owner: _o, painPoints, opportunities, ...rest }) => ({
            ...rest,
            pains: painPoints.length,
            opportunities: opportunities.length,
          }),
        ),
        kpis: t.strategy?.kpis?.map(({ name: _n, ...rest }) => rest),
        goals: t.strategy?.goals?.map((g) => [g.id, g.preset, g.deadline]),
        lanes: t.lanes?.map(({ title, ...rest }) => ({ ...rest, titled: title !== '' })),
        items: t.laneItems?.map(({ text: _t, ...rest }) => rest),
        settings: t.laneSettings,
      };
    };

    for (const key of TEMPLATE_KEYS) {
      for (const locale of TEMPLATE_LOCALES) {
        it(`${key} in ${locale}: same ids, numbers and positions as in English`, () => {
          expect(structure(key, locale)).toEqual(structure(key, 'en'));
        });
      }
    }

    it('seeds the airline in Italian: stages, channels, actions, pains and strategy texts', () => {
      const doc = new Y.Doc();
      seedTemplate(doc, 'airline', 'Volo', NOW, 'it');
      const snap = readSnapshot(doc);
      expect(emotionCurve(snap).map((p) => p.label)).toEqual([
        'Ispirazione',
        'Ricerca',
        'Prenotazione',
        'Check-in',
        'Aeroporto',
        'Volo',
        'Dopo il volo',
      ]);
      expect(snap.nodeById.get('ch-phone')?.label).toBe('Call center');
      const tp = snap.touchpointById.get('tp-booking-phone');
      expect(tp?.action).toBe('Telefona per prenotare un viaggio con più tappe');
      expect(tp?.painPoints[0]).toBe('Attende più di 15 minuti');
      expect(tp?.owner).toBe('Contact center');
      expect(snap.strategy.goals.map((g) => g.title)).toEqual([
        'Ridurre le chiamate al call center',
        'Rispondere più in fretta sui social network',
      ]);
      expect(snap.strategy.startingPoint.self.name).toBe('La nostra compagnia aerea');
      expect(snap.strategy.channelPlans['ch-social']?.reason).toBe(
        'Un terzo dei clienti preferisce i social',
      );
      const grid = gridModel(snap);
      expect(grid.rows.find((r) => r.key === 'lane:lane-thoughts')?.title).toBe(
        'Pensieri del cliente',
      );
      // Untitled lanes stay untitled: the UI names them in the person's language.
      expect(grid.rows.find((r) => r.key === 'lane:lane-backstage')?.title).toBe('');
      expect(grid.columns.get('stage-booking')!.items.get('lane-backstage')?.[0]?.text).toBe(
        'Gli operatori rispondono alle chiamate senza lo storico delle prenotazioni',
      );
    });

    it('translates the lane items of the examples', () => {
      for (const key of ['airline', 'ecommerce']) {
        const en = getTemplate(key, 'en').laneItems ?? [];
        const it = getTemplate(key, 'it').laneItems ?? [];
        expect(en.length, key).toBeGreaterThan(0);
        // Names of systems may coincide (CRM); most items are sentences of their language.
        const same = en.filter((item, i) => item.text === it[i]?.text).map((i) => i.text);
        expect(
          same.every((t) => t === 'CRM'),
          `${key}: ${same.join(', ')}`,
        ).toBe(true);
      }
    });

    it('translates every text of the examples (no English left in Italian)', () => {
      for (const key of ['airline', 'ecommerce']) {
        const en = getTemplate(key, 'en');
        const it = getTemplate(key, 'it');
        const differs = (a: readonly string[], b: readonly string[]) =>
          a.filter((x, i) => x !== b[i]).length;
        const actions = (t: typeof en) => t.touchpoints.map((tp) => tp.action);
        // Every action is a sentence of its own language; labels may coincide (PC, E-mail).
        expect(differs(actions(en), actions(it)), key).toBe(en.touchpoints.length);
      }
    });

    it('converges when one offline client seeds in English and another in Italian', () => {
      const a = new Y.Doc();
      a.clientID = 1;
      seedTemplate(a, 'airline', 'Trip', NOW, 'en');
      const b = new Y.Doc();
      b.clientID = 2;
      seedTemplate(b, 'airline', 'Viaggio', NOW, 'it');
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      expect(json(a)).toEqual(json(b));
      expect(nodesMap(a).size).toBe(getTemplate('airline').nodes.length);
      expect(readSnapshot(a).touchpoints).toHaveLength(getTemplate('airline').touchpoints.length);
    });

    it('refuses a translation table that misses a text or names a record the template lacks', () => {
      const airline = getTemplate('airline');
      const { 'stage-search': _gone, ...nodes } = AIRLINE_IT.nodes;
      expect(() => localize(airline, { ...AIRLINE_IT, nodes }, 'it')).toThrow(
        'template airline (it): no text for node stage-search',
      );
      expect(() =>
        localize(
          airline,
          { ...AIRLINE_IT, nodes: { ...AIRLINE_IT.nodes, 'stage-gone': 'Via' } },
          'it',
        ),
      ).toThrow('template airline (it): node stage-gone is not in the template');
      const touchpoints = {
        ...AIRLINE_IT.touchpoints,
        'tp-search-web': { action: 'Confronta', pains: ['Uno'] },
      };
      expect(() => localize(airline, { ...AIRLINE_IT, touchpoints }, 'it')).toThrow(
        'touchpoint tp-search-web pains has 1 texts, the template 2',
      );
    });

    it('refuses a table that misses a lane item or lane title, or names ones the template lacks', () => {
      const airline = getTemplate('airline');
      const { 'item-support-booking-2': _crm, ...laneItems } = AIRLINE_IT.laneItems!;
      expect(() => localize(airline, { ...AIRLINE_IT, laneItems }, 'it')).toThrow(
        'template airline (it): no text for item item-support-booking-2',
      );
      expect(() =>
        localize(
          airline,
          { ...AIRLINE_IT, laneItems: { ...AIRLINE_IT.laneItems, 'item-gone-1': 'Via' } },
          'it',
        ),
      ).toThrow('template airline (it): item item-gone-1 is not in the template');
      expect(() => localize(airline, { ...AIRLINE_IT, lanes: {} }, 'it')).toThrow(
        'template airline (it): no text for lane lane-thoughts',
      );
      // An untitled lane takes no title: one in the table is stale.
      expect(() =>
        localize(
          getTemplate('ecommerce'),
          { ...ECOMMERCE_IT, lanes: { 'lane-support': 'Supporto' } },
          'it',
        ),
      ).toThrow('template ecommerce (it): lane lane-support is not in the template');
      // A derived lane's title set by a template is translated too.
      const titled = { ...airline, laneSettings: { kpis: { title: 'Measures', order: 5 } } };
      expect(() => localize(titled, AIRLINE_IT, 'it')).toThrow('no text for lane kpis');
      const done = localize(
        titled,
        { ...AIRLINE_IT, lanes: { ...AIRLINE_IT.lanes, kpis: 'Misure' } },
        'it',
      );
      expect(done.laneSettings).toEqual({ kpis: { title: 'Misure', order: 5 } });
    });

    it('seeds derived lane settings as flat keys', () => {
      const doc = new Y.Doc();
      // Through a template object (none of the shipped ones sets any).
      const airline = getTemplate('airline');
      const settings = { devices: { hidden: true, order: 75 }, 'channel:ch-web': { order: 15 } };
      const before = airline.laneSettings;
      Object.assign(airline, { laneSettings: settings });
      try {
        seedTemplate(doc, 'airline', 'T', NOW);
      } finally {
        Object.assign(airline, { laneSettings: before });
      }
      expect(doc.getMap('grid.laneSettings').toJSON()).toEqual({
        'devices/hidden': true,
        'devices/order': 75,
        'channel:ch-web/order': 15,
      });
      expect(Object.fromEntries(readSnapshot(doc).grid.settings)).toEqual(settings);
    });
  });
});

describe('the airline personas', () => {
  it.each(TEMPLATE_LOCALES)(
    'seeds a business traveller and a family who feel check-in differently (%s)',
    (locale) => {
      const doc = new Y.Doc();
      seedTemplate(doc, 'airline', 'A', new Date(0), locale);
      const snap = readSnapshot(doc);
      expect(snap.repairs.size).toBe(0);
      expect(snap.personas.map((p) => p.id)).toEqual(['persona-business', 'persona-family']);
      const checkin = snap.touchpointById.get('tp-checkin-app')!;
      const [business, family] = snap.personas.map((p) => personaEmotion(checkin, p.id));
      expect(business).not.toBe(family);
      expect(new Set(snap.personas.map((p) => p.color)).size).toBe(2);
      for (const p of snap.personas) {
        expect(p.name).not.toBe('');
        expect(p.role).not.toBe('');
        expect(p.goals.length).toBeGreaterThan(0);
      }
      if (locale === 'it') expect(snap.personas[1]!.role).toBe('Famiglia in vacanza');
    },
  );

  it('refuses a stale persona translation', () => {
    const stale = {
      ...AIRLINE_IT,
      personas: { ...AIRLINE_IT.personas, 'persona-gone': AIRLINE_IT.personas!['persona-family']! },
    };
    expect(() => localize(getTemplate('airline'), stale, 'it')).toThrow(/persona persona-gone/);
  });
});
