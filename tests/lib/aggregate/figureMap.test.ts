import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricOfSlot } from '../../../src/lib/aggregate/slot.ts';
import { FigureMap } from '../../../src/lib/aggregate/figureMap.ts';
import { period } from '../../../src/lib/period.ts';

const [y2019, y2020, y2021, y1921] = ['2019', '2020', '2021', '2019-2021'].map(period) as [ReturnType<typeof period>, ReturnType<typeof period>, ReturnType<typeof period>, ReturnType<typeof period>];

describe('FigureMap', () => {
  it('finds a value by province, unit (null: the committee), period and slot, and nothing elsewhere', () => {
    const map = new FigureMap<string>();
    map.set('hainan', null, y2020, 'cases-filed', 'committee');
    map.set('hainan', 'gaoyuan', y2020, 'cases-filed', 'unit');
    expect(map.get('hainan', null, y2020, 'cases-filed')).toBe('committee');
    expect(map.get('hainan', 'gaoyuan', y2020, 'cases-filed')).toBe('unit');
    expect(map.get('hainan', 'gonganting', y2020, 'cases-filed')).toBeUndefined();
    expect(map.get('hainan', null, y2021, 'cases-filed')).toBeUndefined();
    expect(map.get('hainan', null, y2020, 'sanctions')).toBeUndefined();
    expect(map.get('jiangsu', null, y2020, 'cases-filed')).toBeUndefined();
    expect(map.has('hainan', null, y2020, 'cases-filed')).toBe(true);
    expect(map.has('hainan', null, y2020, 'sanctions')).toBe(false);
  });

  it('finds a slot first set after a place was made, in that place and in places made before', () => {
    const map = new FigureMap<number>();
    map.set('hainan', null, y2020, 'a', 1);
    map.set('hainan', null, y2021, 'a', 2);
    for (let i = 0; i < 40; i++) map.set('hainan', null, y2020, `slot-${i}`, 100 + i);
    map.set('hainan', null, y2021, 'slot-39', 3);
    expect(map.get('hainan', null, y2020, 'slot-39')).toBe(139);
    expect(map.get('hainan', null, y2021, 'slot-39')).toBe(3);
    expect(map.get('hainan', null, y2021, 'slot-38')).toBeUndefined();
    expect(map.size).toBe(43);
  });

  it('sets an empty place and keeps a held one, giving back what it holds', () => {
    const map = new FigureMap<string>();
    expect(map.setIfEmpty('hainan', null, y2020, 'a', 'first')).toBeUndefined();
    expect(map.setIfEmpty('hainan', null, y2020, 'a', 'second')).toBe('first');
    expect(map.setIfEmpty('hainan', 'gaoyuan', y2020, 'a', 'unit')).toBeUndefined();
    expect(map.get('hainan', null, y2020, 'a')).toBe('first');
    expect(map.values()).toEqual(['first', 'unit']);
  });

  it('sets by a slot number in places found once, as setIfEmpty sets by slot, growing places made before the slot was numbered', () => {
    const map = new FigureMap<string>();
    map.set('hainan', 'gaoyuan', y2020, 'a', 'first');
    const places = map.placesOf('hainan', 'gaoyuan', y2020);
    expect(map.slotNumberOf('a')).toBe(map.slotNumber('a'));
    // Numbered after the places were made: they have no room for it yet.
    const b = map.slotNumberOf('b');
    expect(map.slotNumber('b')).toBe(b);
    expect(map.setIfEmptyIn(places, map.slotNumberOf('a'), 'again')).toBe('first');
    expect(map.setIfEmptyIn(places, b, 'second')).toBeUndefined();
    expect(map.setIfEmptyIn(places, b, 'third')).toBe('second');
    expect(map.get('hainan', 'gaoyuan', y2020, 'b')).toBe('second');
    expect(map.get('hainan', null, y2020, 'b')).toBeUndefined();
    expect(map.placesOf('hainan', null, y2020)).not.toBe(places);
    expect(map.values()).toEqual(['first', 'second']);
  });

  it('keeps a value set again in its first position, as a Map does', () => {
    const map = new FigureMap<string>();
    map.set('hainan', null, y2020, 'a', 'first');
    map.set('hainan', null, y2020, 'b', 'second');
    map.set('hainan', null, y2020, 'a', 'again');
    expect(map.values()).toEqual(['again', 'second']);
    expect(map.size).toBe(2);
  });

  it('lists the series of a slot oldest period first (end year, then start year), for the committee or one unit', () => {
    const map = new FigureMap<string>();
    map.set('hainan', null, y2021, 'a', '2021');
    map.set('hainan', null, y1921, 'a', '2019-2021');
    map.set('hainan', null, y2019, 'a', '2019');
    map.set('hainan', null, y2020, 'b', 'other slot');
    map.set('hainan', 'gaoyuan', y2020, 'a', 'unit');
    expect(map.series('hainan', null, 'a')).toEqual(['2019', '2019-2021', '2021']);
    expect(map.series('hainan', 'gaoyuan', 'a')).toEqual(['unit']);
    expect(map.series('hainan', null, 'c')).toEqual([]);
    expect(map.series('jiangsu', null, 'a')).toEqual([]);
  });

  // The order of figures pages list and the data package writes: the order of comparing the places, ties in the order set.
  it('lists every value by province, unit (the committee first), period end, period start and the metric of its slot, for any places', () => {
    const place = fc.record({
      province: fc.constantFrom('hainan', 'anhui', 'jiangsu', 'Hainan', '海南'),
      unit: fc.constantFrom(null, 'gaoyuan', 'anji', 'zz', 'Zz'),
      period: fc.constantFrom('2020', '2021', '2019-2021', '2020-2021', '2015', '2020-2020'),
      slot: fc.constantFrom('cases-filed', 'sanctions', 'branches-total', 'a', 'a|全区||', 'cases-filed|||undated', 'sanctions||cumulative|'),
      tag: fc.nat(),
    });
    type Place = { province: string; unit: string | null; period: string; slot: string; tag: number };
    const byPlace = (a: Place, b: Place) => {
      const [pa, pb] = [period(a.period), period(b.period)];
      return a.province.localeCompare(b.province) || (a.unit ?? '').localeCompare(b.unit ?? '') || pa.end - pb.end || pa.start - pb.start || metricOfSlot(a.slot).localeCompare(metricOfSlot(b.slot));
    };
    fc.assert(
      fc.property(fc.array(place, { maxLength: 60 }), (drawn) => {
        const map = new FigureMap<Place>();
        for (const d of drawn) map.set(d.province, d.unit, period(d.period), d.slot, d);
        const reference = [...map.values()].sort(byPlace);
        expect(map.inOrder(metricOfSlot)).toEqual(reference);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the periods in which some unit of a province has its latest value of a slot, as each unit's values by slot say, for any places", () => {
    const place = fc.record({
      province: fc.constantFrom('hainan', 'anhui'),
      unit: fc.constantFrom(null, 'gaoyuan', 'anji'),
      period: fc.constantFrom('2020', '2021', '2019-2021', '2020-2021', '2015', '2019-2020'),
      slot: fc.constantFrom('cases-filed', 'sanctions', 'a|全区||', 'cases-filed|||undated'),
    });
    fc.assert(
      fc.property(fc.array(place, { maxLength: 40 }), (drawn) => {
        const map = new FigureMap<string>();
        for (const d of drawn) map.set(d.province, d.unit, period(d.period), d.slot, d.period);
        // For each unit of hainan and each slot, the latest of the periods it has a value for.
        const latest = new Map<string, ReturnType<typeof period>>();
        for (const d of drawn) {
          if (d.province !== 'hainan' || d.unit === null) continue;
          const key = `${d.unit}|${d.slot}`;
          const [held, p] = [latest.get(key), period(d.period)];
          if (!held || p.end > held.end || (p.end === held.end && p.start > held.start)) latest.set(key, p);
        }
        expect([...map.unitsLatestPeriods('hainan')].sort()).toEqual([...new Set([...latest.values()].map((p) => p.id))].sort());
      }),
      { numRuns: 500 },
    );
    const map = new FigureMap<number>();
    map.set('hainan', 'gaoyuan', y2019, 'a', 1);
    map.set('hainan', 'gaoyuan', y2020, 'a', 2);
    map.set('hainan', 'gaoyuan', y2019, 'b', 3);
    map.set('hainan', null, y2021, 'a', 4);
    map.set('hainan', 'anji', y1921, 'a', 5);
    expect([...map.unitsLatestPeriods('hainan')].sort()).toEqual(['2019', '2019-2021', '2020']);
    expect([...map.unitsLatestPeriods('jiangsu')]).toEqual([]);
  });

  it('reads as columns: each place with its positions by slot number, and the values of a slot in the order of values, for any places', () => {
    const place = fc.record({
      province: fc.constantFrom('hainan', 'anhui'),
      unit: fc.constantFrom(null, 'gaoyuan', 'anji'),
      period: fc.constantFrom('2020', '2021', '2019-2021'),
      slot: fc.constantFrom('cases-filed', 'sanctions', 'a|全区||', 's0', 's1', 's2', 's3'),
      tag: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(place, { maxLength: 60 }), (drawn) => {
        const map = new FigureMap<{ province: string; unit: string | null; period: string; slot: string; tag: number }>();
        for (const d of drawn) map.set(d.province, d.unit, period(d.period), d.slot, d);
        const slots = [...map.slots()];
        // Every value once, through its place and its slot's number.
        const read: unknown[] = [];
        map.forEachPlaces((province, unit, p, positions) => {
          for (const slot of slots) {
            const number = map.slotNumber(slot) as number;
            const at = number < positions.length ? (positions[number] as number) : 0;
            if (at === 0) continue;
            const value = map.valueAt(at);
            expect([value.province, value.unit, value.period, value.slot]).toEqual([province, unit, p.id, slot]);
            read.push(value);
          }
        });
        expect(read.length).toBe(map.size);
        expect(new Set(read)).toEqual(new Set(map.values()));
        for (const slot of [...slots, 'never-set']) expect(map.slotValues(slot)).toEqual(map.values().filter((v) => v.slot === slot));
      }),
      { numRuns: 300 },
    );
  });

  it('maps values into a map of the same places, leaving the first as it was', () => {
    const map = new FigureMap<number>();
    map.set('hainan', null, y2020, 'a', 1);
    map.set('hainan', 'gaoyuan', y2021, 'b', 2);
    const doubled = map.map((v) => v * 2);
    doubled.set('hainan', null, y2020, 'c', 7);
    expect(doubled.get('hainan', null, y2020, 'a')).toBe(2);
    expect(doubled.get('hainan', 'gaoyuan', y2021, 'b')).toBe(4);
    expect(doubled.values()).toEqual([2, 4, 7]);
    expect(map.get('hainan', null, y2020, 'c')).toBeUndefined();
    expect(map.values()).toEqual([1, 2]);
  });
});
