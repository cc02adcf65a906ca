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
        });
        expect(snap.nodes).toEqual(byId(template.nodes));
        expect(snap.touchpoints).toEqual(byId(template.touchpoints));
        const s = template.strategy ?? {};
        expect(snap.strategy.goals).toEqual(s.goals ?? []);
        expect(snap.strategy.kpis).toEqual(s.kpis ?? []);
        expect(snap.strategy.training).toEqual(s.training ?? []);
        expect(snap.strategy.startingPoint.competitors).toEqual(s.competitors ?? []);
        expect(snap.strategy.channelPlans).toEqual(s.channelPlans ?? {});
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
        const pos = arrange(template.nodes, template.touchpoints);
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
    expect(avg['Airport']).toBeCloseTo(-5 / 3, 12); // -2 desk, -1 app, -2 social
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
  });
});
