import { describe, expect, test } from 'vitest';
import type { Role } from '../../src/domain/enums.js';
import { customerScope, mayAddCustomers, mayManageStaff, mayReassign, type Caller } from '../../src/domain/scope.js';

function caller(role: Role, region: string | null = null): Caller {
  return { staffId: 7, login: 'someone', role, region };
}

describe('customerScope (POLICY §6)', () => {
  test.each([
    ['manager', null, { kind: 'all' }],
    ['director', null, { kind: 'all' }],
    ['gm', null, { kind: 'all' }],
    ['clerk', null, { kind: 'all' }],
    ['admin', null, { kind: 'all' }],
    // A region does not narrow the executives.
    ['manager', '华南', { kind: 'all' }],
    ['gm', '华东', { kind: 'all' }],
    ['region-manager', '华南', { kind: 'region', region: '华南', staffId: 7 }],
    ['region-manager', null, { kind: 'own', staffId: 7 }],
    ['region-manager', '', { kind: 'own', staffId: 7 }],
    ['rep', null, { kind: 'own', staffId: 7 }],
    ['rep', '华南', { kind: 'own', staffId: 7 }],
    ['service', null, { kind: 'own', staffId: 7 }],
    ['service', '华北', { kind: 'own', staffId: 7 }],
    ['other', null, { kind: 'none' }],
    ['other', '华南', { kind: 'none' }],
  ] as const)('%s (region %j) → %j', (role, region, scope) => {
    expect(customerScope(caller(role, region))).toEqual(scope);
  });

  test('the scope carries the caller’s own staff id', () => {
    expect(customerScope({ staffId: 42, login: 'lina', role: 'rep', region: null })).toEqual({ kind: 'own', staffId: 42 });
    expect(customerScope({ staffId: 42, login: 'wang', role: 'region-manager', region: '华东' })).toEqual({
      kind: 'region',
      region: '华东',
      staffId: 42,
    });
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
