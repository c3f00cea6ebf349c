import { describe, expect, test } from 'vitest';
import { assign, planHandover, type Listed, type Placed, type Receiver, type Split } from '../../src/domain/handover-plan.js';

const south = (login: string): Receiver => ({ login, region: '华南' });
const east = (login: string): Receiver => ({ login, region: '华东' });
const nowhere = (login: string): Receiver => ({ login, region: null });
const at = (id: number, region: string | null = null): Placed => ({ id, region });

describe('assign', () => {
  test.each<[string, Receiver[], Split, Placed[], Record<number, string>]>([
    ['one receiver takes everything', [east('a')], 'region', [at(1, '华南'), at(2)], { 1: 'a', 2: 'a' }],
    ['even: round-robin in id order', [south('a'), south('b')], 'even', [at(3), at(1), at(2)], { 1: 'a', 2: 'b', 3: 'a' }],
    ['even ignores regions', [south('a'), east('b')], 'even', [at(1, '华东'), at(2, '华南')], { 1: 'a', 2: 'b' }],
    [
      'region: turns within the region, the rest over everyone',
      [south('a'), east('b'), south('c')],
      'region',
      [at(1, '华南'), at(2, '华东'), at(3, '华南'), at(4), at(5, '西北'), at(6, '华南'), at(7, '华东')],
      { 1: 'a', 2: 'b', 3: 'c', 4: 'a', 5: 'b', 6: 'a', 7: 'b' },
    ],
    ['region: a receiver without region matches no customer without region', [nowhere('a'), south('b')], 'region', [at(1), at(2, '华南'), at(3)], { 1: 'a', 2: 'b', 3: 'b' }],
    ['nothing to assign', [south('a')], 'even', [], {}],
  ])('%s', (_, receivers, split, customers, expected) => {
    expect(Object.fromEntries(assign(customers, receivers, split))).toEqual(expected);
  });

  test('refuses to assign to nobody', () => {
    expect(() => assign([at(1)], [], 'even')).toThrow(/receiver/);
  });
});

describe('planHandover', () => {
  const listed = (id: number, owner: string | null, staff: string[], region: string | null = null): Listed => ({ id, region, owner, staff });

  test.each<[string, Receiver[], Placed[], Listed[], { owners: [number, string][]; links: [number, string | null][] }]>([
    ['owned files go round the receivers', [south('a'), south('b')], [at(2), at(1)], [], { owners: [[1, 'a'], [2, 'b']], links: [] }],
    ['a link on an owned file goes with the file: nothing to add', [south('a')], [at(1)], [listed(1, 'from', ['from'])], { owners: [[1, 'a']], links: [[1, null]] }],
    ['a link goes to the chosen receiver', [south('a')], [], [listed(5, 'x', ['from'])], { owners: [], links: [[5, 'a']] }],
    ['a file without owner gets the receiver listed', [south('a')], [], [listed(5, null, ['from'])], { owners: [], links: [[5, 'a']] }],
    ['the receiver already owns the file: only removed', [south('a')], [], [listed(5, 'a', ['from'])], { owners: [], links: [[5, null]] }],
    ['the receiver is already listed: only removed', [south('a')], [], [listed(5, 'x', ['a', 'from'])], { owners: [], links: [[5, null]] }],
    [
      'links take their own turns, after the owned files are placed',
      [south('a'), south('b')],
      [at(1)],
      [listed(1, 'from', ['from']), listed(7, 'x', ['from']), listed(6, 'x', ['from'])],
      { owners: [[1, 'a']], links: [[1, null], [6, 'a'], [7, 'b']] },
    ],
  ])('%s', (_, receivers, owned, links, expected) => {
    const plan = planHandover({ receivers, split: 'even', owned, listed: links });
    expect(plan.owners.map((o) => [o.customerId, o.to])).toEqual(expected.owners);
    expect(plan.links.map((l) => [l.customerId, l.to])).toEqual(expected.links);
  });

  test('links follow the region rule too', () => {
    const plan = planHandover({ receivers: [east('a'), south('b')], split: 'region', owned: [], listed: [listed(3, 'x', ['from'], '华南'), listed(4, 'x', ['from'], '华东')] });
    expect(plan.links).toEqual([
      { customerId: 3, to: 'b' },
      { customerId: 4, to: 'a' },
    ]);
  });
});
