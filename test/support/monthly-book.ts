// The book the monthly report's tests read: four customers of seededDb's staff, with deals,
// payments, history, visits, contracts and credit ratings whose figures the tests compute by hand.
import Database from 'better-sqlite3';
import { crm, seededDb } from './run.js';

// Staff ids from seededDb: admin 1, zhangwei 2, lina 3, wangfang 4, zhaomin 5, guest 6.
// FIXED_NOW is 2026-11-23, so the default month is 2026-10 (previous 2026-09).

function seed(path: string): void {
  const db = new Database(path);
  try {
    const run = (sql: string, ...p: unknown[]) => db.prepare(sql).run(...p);
    // C1 A cooperating (new in Oct, verified, two staff), C2 B cooperating (new in Sep, one staff),
    // C3 C followed (stale file), C4 ungraded churned.
    run("UPDATE customers SET status = 'cooperating', created_at = '2026-10-05T09:00:00+08:00', verified_at = '2026-10-06T09:00:00+08:00' WHERE id = 1");
    run("UPDATE customers SET status = 'cooperating', created_at = '2026-09-10T09:00:00+08:00' WHERE id = 2");
    run("UPDATE customers SET status = 'followed', created_at = '2025-01-01T09:00:00+08:00', updated_at = '2026-03-01T09:00:00+08:00' WHERE id = 3");
    run("UPDATE customers SET status = 'churned', churn_reason = '价格太高', created_at = '2025-01-01T09:00:00+08:00' WHERE id = 4");
    const deal = db.prepare(
      `INSERT INTO deals (id, customer_id, competitor, deal_date, amount, profit, business_line, region, due_date, staff_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '2026-01-01T00:00:00+08:00')`,
    );
    deal.run(1, 1, null, '2026-10-03', 10000, 2000, '软件', '华南', '2026-10-25');
    deal.run(2, 1, null, '2026-10-20', 5000, 1000, '硬件', '华南', '2026-10-31');
    deal.run(3, 2, null, '2026-10-15', 20000, 3000, '软件', '华东', '2026-11-15');
    deal.run(4, 4, null, '2026-10-10', 3333, -333, null, null, '2026-10-10');
    deal.run(5, 1, null, '2026-09-05', 8000, 1600, '软件', '华南', '2026-09-05');
    deal.run(6, 3, null, '2026-09-28', 2000, 400, '硬件', '华南', '2026-10-05');
    deal.run(7, 2, null, '2026-05-01', 1500, 300, '软件', '华东', '2026-06-01');
    deal.run(8, 2, null, '2026-11-01', 7777, 777, '软件', '华东', '2026-11-01');
    deal.run(9, 1, '对手公司', '2026-10-11', 99999, null, '软件', '华南', null);
    deal.run(10, 3, null, '2026-08-01', 700, 70, '硬件', '华南', '2026-08-15');
    const pay = db.prepare("INSERT INTO payments (deal_id, paid_on, amount, staff_id, created_at) VALUES (?, ?, ?, 1, '2026-01-01T00:00:00+08:00')");
    pay.run(1, '2026-10-20', 4000);
    pay.run(5, '2026-09-30', 8000);
    pay.run(2, '2026-11-05', 1000);
    // What crm payment add keeps on the deal: its first payment's date, and the date it was paid in full.
    run(`UPDATE deals SET first_paid_on = t.first, settled_on = iif(round(deals.amount * 100) <= round(t.paid * 100), t.last, NULL)
           FROM (SELECT deal_id, total(amount) AS paid, min(paid_on) AS first, max(paid_on) AS last FROM payments GROUP BY deal_id) AS t
          WHERE t.deal_id = deals.id`);
    const hist = db.prepare(
      "INSERT INTO history (at, staff_id, os_login, command, entity, entity_id, customer_id, field, old_value, new_value) VALUES (?, 1, 'admin', 'test', 'customer', ?, ?, ?, ?, ?)",
    );
    hist.run('2026-10-18T09:00:00+08:00', 4, 4, 'status', 'cooperating', 'churned');
    hist.run('2026-09-02T09:00:00+08:00', 3, 3, 'status', 'followed', 'churned');
    hist.run('2026-10-07T09:00:00+08:00', 1, 1, 'grade', 'B', 'A');
    hist.run('2026-09-20T09:00:00+08:00', 3, 3, 'grade', 'B', 'C');
    hist.run('2026-11-02T09:00:00+08:00', 2, 2, 'grade', 'C', 'B');
    const visit = db.prepare(
      "INSERT INTO visits (customer_id, rep_id, visited_on, status_then, approved_by, approved_on, staff_id, created_at) VALUES (?, ?, ?, 'cooperating', ?, ?, ?, '2026-01-01T00:00:00+08:00')",
    );
    visit.run(1, 2, '2026-10-08', 4, '2026-10-09', 2);
    visit.run(1, 2, '2026-10-22', null, null, 2);
    visit.run(2, 3, '2026-10-12', null, null, 3);
    visit.run(3, 2, '2026-10-14', 4, '2026-10-15', 2);
    visit.run(1, 2, '2026-09-10', 4, '2026-09-11', 2);
    visit.run(2, 3, '2026-09-25', null, null, 3);
    visit.run(2, 3, '2026-11-02', null, null, 3);
    const contract = db.prepare("INSERT INTO contracts (customer_id, contract_no, signed_on, ends_on, staff_id, created_at) VALUES (?, ?, ?, ?, 1, '2026-01-01')");
    contract.run(1, 'HT-1', '2026-01-01', '2026-12-31');
    contract.run(2, 'HT-2', '2025-10-01', '2026-09-30');
    const rating = db.prepare(
      "INSERT INTO credit_ratings (customer_id, rated_on, score, rating, credit_limit, payment_terms, reasons, staff_id, created_at) VALUES (?, ?, 0, ?, 0, '-', '{}', 1, '2026-01-01')",
    );
    rating.run(1, '2026-06-01', 'AA');
    rating.run(1, '2026-10-10', 'B');
    rating.run(2, '2026-08-01', 'B');
    rating.run(2, '2026-10-05', 'A');
    rating.run(3, '2026-09-01', 'C');
    rating.run(3, '2026-11-05', 'AAA');
  } finally {
    db.close();
  }
}

/** A fresh database with the book in it (in `dir`). */
export async function monthlyBook(dir: string): Promise<string> {
  const db = await seededDb(dir);
  const add = async (argv: string[]) => {
    const r = await crm(db, ['add', ...argv]);
    if (r.code !== 0) throw new Error(r.stderr);
  };
  await add(['--name', '华强电子', '--owner', 'zhangwei', '--region', '华南', '--grade', 'A', '--staff', 'lina']);
  await add(['--name', '中兴贸易', '--owner', 'lina', '--region', '华东', '--grade', 'B']);
  await add(['--name', '美的商贸', '--owner', 'zhangwei', '--region', '华南', '--grade', 'C']);
  await add(['--name', '无等级公司', '--owner', 'lina', '--region', '华东']);
  seed(db);
  return db;
}
