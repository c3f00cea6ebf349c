// A hand-built monthly report for the renderers' tests: small round figures that are easy to
// check by eye, a loss (negative profit), and a hostile customer name.
import { change, type MonthlyReport } from '../../src/domain/report.js';

export const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

export function sampleReport(): MonthlyReport {
  return {
    month: '2026-10',
    previous_month: '2026-09',
    as_of: '2026-10-31',
    composition: {
      revenue_by_grade: {
        total: change(40000, 10000),
        rows: [
          { key: 'B', amount: 30000, share: 75, previous: 0, previous_share: 0, change: 30000, change_pct: null },
          { key: 'A', amount: 10000, share: 25, previous: 8000, previous_share: 80, change: 2000, change_pct: 25 },
          { key: 'none', amount: 0, share: 0, previous: 2000, previous_share: 20, change: -2000, change_pct: -100 },
        ],
      },
      revenue_by_business_line: {
        total: change(40000, 10000),
        rows: [{ key: '=软件', amount: 40000, share: 100, previous: 10000, previous_share: 100, change: 30000, change_pct: 300 }],
      },
      revenue_by_region: { total: change(0, 0), rows: [] },
      profit_by_grade: {
        total: change(3000, 1000),
        rows: [
          { key: 'A', amount: 4000, share: 133.3, previous: 1000, previous_share: 100, change: 3000, change_pct: 300 },
          { key: 'C', amount: -1000, share: -33.3, previous: 0, previous_share: 0, change: -1000, change_pct: null },
        ],
      },
    },
    customers: {
      total: 3,
      by_status: [
        { key: 'churned', count: 1 },
        { key: 'cooperating', count: 2 },
      ],
      by_grade: [
        { key: 'A', count: 2 },
        { key: 'none', count: 1 },
      ],
      new: change(2, 1),
      churned: {
        count: change(1, 0),
        customers: [{ id: 'C000003', name: HOSTILE, owner: null, churned_on: '2026-10-18', reason: '@价格太高' }],
      },
      grade_changes: { count: change(0, 0), changes: [] },
    },
    receivables: {
      aging_days: 90,
      totals: {
        due_this_month: change(6000, 0),
        overdue: change(3000, 1000),
        over_aging: change(1000, 1000),
      },
      by_customer: [
        { id: 'C000001', name: '华强电子', owner: 'zhangwei', due_this_month: 6000, overdue: 0, over_aging: 0 },
        { id: 'C000003', name: HOSTILE, owner: null, due_this_month: 0, overdue: 3000, over_aging: 1000 },
      ],
      by_rep: [
        { rep: 'zhangwei', due_this_month: 6000, overdue: 0, over_aging: 0 },
        { rep: null, due_this_month: 0, overdue: 3000, over_aging: 1000 },
      ],
    },
    visits: {
      required: 6,
      done: change(5, 4),
      customers_short: 1,
      by_rep: [
        { rep: 'lina', customers: 2, required: 4, done: 1, customers_short: 1 },
        { rep: 'zhangwei', customers: 1, required: 2, done: 4, customers_short: 0 },
      ],
      short: [{ id: 'C000002', name: '中兴贸易', owner: 'lina', status: 'cooperating', grade: 'A', minimum: 2, done: 1 }],
      unapproved: { count: 2, by_rep: [{ rep: 'lina', count: 2 }] },
    },
    contracts: { count: 0, missing: [] },
    credit: { distribution: [{ key: 'A', count: 1 }], downgraded: [] },
    data_quality: { unverified: 2, stale_before: '2026-05-01', stale: 0, ab_few_staff: [] },
  };
}
