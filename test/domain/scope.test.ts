import { describe, expect, test } from 'vitest';
import type { Role } from '../../src/domain/enums.js';
import {
  basisOf,
  grantCovering,
  masksPersonalData,
  mayAddCustomers,
  mayApproveRequests,
  mayManageStaff,
  mayReassign,
  maySeeAllRequests,
  readScope,
  roleScope,
  type Caller,
} from '../../src/domain/scope.js';

function caller(role: Role, region: string | null = null, productLine: string | null = null): Caller {
  return { staffId: 7, login: 'someone', role, region, productLine };
}

const ALL = { kind: 'all' } as const;
const OWN = { kind: 'own', staffId: 7 } as const;

describe('roleScope (POLICY §6)', () => {
  test.each([
    ['manager', null, null, [ALL]],
    ['director', null, null, [ALL]],
    ['gm', null, null, [ALL]],
    ['clerk', null, null, [ALL]],
    ['admin', null, null, [ALL]],
    // A region or a product line does not narrow the executives.
    ['manager', '华南', '仪器', [ALL]],
    ['gm', '华东', null, [ALL]],
    ['region-manager', '华南', null, [OWN, { kind: 'region', region: '华南' }]],
    ['region-manager', null, null, [OWN]],
    ['region-manager', '', null, [OWN]],
    ['rep', null, null, [OWN]],
    ['rep', '华南', null, [OWN]],
    ['service', '华北', null, [OWN]],
    // 品项负责人: a product line adds its customers.
    ['rep', '华南', '仪器', [OWN, { kind: 'product-line', productLine: '仪器' }]],
    ['region-manager', '华南', '仪器', [OWN, { kind: 'region', region: '华南' }, { kind: 'product-line', productLine: '仪器' }]],
    ['other', null, null, []],
    ['other', '华南', '仪器', []],
  ] as const)('%s (region %j, line %j) → %j', (role, region, line, grants) => {
    expect(roleScope(caller(role, region, line))).toEqual({ grants });
  });

  test('the scope carries the caller’s own staff id', () => {
    expect(roleScope({ staffId: 42, login: 'lina', role: 'rep', region: null, productLine: null })).toEqual({ grants: [{ kind: 'own', staffId: 42 }] });
  });
});

describe('readScope: approved requests add read access', () => {
  const request = { id: 9, customerId: 12, region: null, productLine: null };

  test('a rep reads their own files and the requested one; the basis names the request', () => {
    const scope = readScope(caller('rep'), [request]);
    expect(scope.grants).toEqual([OWN, { kind: 'request', request }]);
    expect(scope.grants.map(basisOf)).toEqual(['own', 'request:9']);
  });

  test('someone who sees everything needs no request', () => {
    expect(readScope(caller('gm'), [request])).toEqual({ grants: [ALL] });
  });

  test('`other` staff see only what was requested', () => {
    expect(readScope(caller('other'), [request]).grants).toEqual([{ kind: 'request', request }]);
  });

  test.each([
    ['request:9', true],
    ['own', false],
    ['region', false],
    ['all', false],
  ])('basis %s masks personal data: %s', (basis, masked) => {
    expect(masksPersonalData(basis)).toBe(masked);
  });
});

describe('permissions', () => {
  test.each([
    // role, manage staff, add customers, reassign
    ['admin', true, true, true],
    ['clerk', false, true, true],
    ['gm', false, true, true],
    ['director', false, true, true],
    ['manager', false, true, true],
    ['region-manager', false, true, true],
    ['rep', false, true, false],
    ['service', false, true, false],
    ['other', false, false, false],
  ] as const)('%s: manage staff %s, add customers %s, reassign %s', (role, staff, add, reassign) => {
    const c = caller(role, '华南');
    expect(mayManageStaff(c)).toBe(staff);
    expect(mayAddCustomers(c)).toBe(add);
    expect(mayReassign(c)).toBe(reassign);
  });
});

describe('requests: who sees them, and what a request would add nothing to', () => {
  test.each([
    // role, sees everyone's requests, approves them
    ['director', true, true],
    ['gm', true, true],
    ['admin', true, false],
    ['manager', false, false],
    ['clerk', false, false],
    ['region-manager', false, false],
    ['rep', false, false],
  ] as const)('%s: sees all %s, approves %s', (role, sees, approves) => {
    expect(maySeeAllRequests(caller(role))).toBe(sees);
    expect(mayApproveRequests(caller(role))).toBe(approves);
  });

  const region = (r: string) => ({ region: r, productLine: null });
  const line = (p: string) => ({ region: null, productLine: p });
  test('a region or product line already read is covered, by the grant that reads it', () => {
    expect(grantCovering(roleScope(caller('gm')), region('华南'))).toEqual(ALL);
    expect(grantCovering(roleScope(caller('region-manager', '华南')), region('华南'))).toEqual({ kind: 'region', region: '华南' });
    expect(grantCovering(roleScope(caller('region-manager', '华南')), region('华东'))).toBeUndefined();
    expect(grantCovering(roleScope(caller('rep', '华南')), region('华南'))).toBeUndefined();
    expect(grantCovering(roleScope(caller('rep', null, '仪器')), line('仪器'))).toEqual({ kind: 'product-line', productLine: '仪器' });
    const granted = { id: 4, customerId: null, region: '华东', productLine: null };
    expect(basisOf(grantCovering(readScope(caller('rep'), [granted]), region('华东'))!)).toBe('request:4');
    // A request for one customer of a region does not cover the region.
    expect(grantCovering(readScope(caller('rep'), [{ id: 5, customerId: 12, region: '华东', productLine: null }]), region('华东'))).toBeUndefined();
  });
});
