// Who receives which of a departing employee's customers (POLICY §8). Pure: the command reads
// the customers and receivers, this decides, the command writes and checks the counts.

export type Split = 'even' | 'region';

export interface Receiver {
  login: string;
  region: string | null;
}

/** A customer to give to a receiver. */
export interface Placed {
  id: number;
  region: string | null;
}

/** A customer the departing employee is listed on as a staff contact. */
export interface Listed extends Placed {
  /** The owner's login now; null when the file has no owner. */
  owner: string | null;
  /** The staff contacts listed now, the departing employee among them. */
  staff: string[];
}

export interface HandoverPlan {
  /** Every customer the departing employee owns, in id order, with its new owner. */
  owners: { customerId: number; to: string }[];
  /**
   * Every customer the departing employee is listed on, in id order, with who is listed instead;
   * null when nobody needs adding (the receiver owns the file or is listed already).
   */
  links: { customerId: number; to: string | null }[];
}

const byId = (a: Placed, b: Placed) => a.id - b.id;

/**
 * Round-robin in customer-id order. `even`: over all receivers. `region`: over the receivers of
 * the customer's region, each region taking its own turns; customers of a region no receiver
 * covers take turns over all receivers, so none is left out.
 */
export function assign(customers: readonly Placed[], receivers: readonly Receiver[], split: Split): Map<number, string> {
  if (receivers.length === 0) throw new Error('a handover needs at least one receiver');
  // Turns per pool: a region's receivers (keyed by region), or all of them (null).
  const turns = new Map<string | null, number>();
  const result = new Map<number, string>();
  for (const c of [...customers].sort(byId)) {
    const local = split === 'region' ? receivers.filter((r) => r.region !== null && r.region === c.region) : [];
    const key = local.length > 0 ? c.region : null;
    const pool = local.length > 0 ? local : receivers;
    const turn = turns.get(key) ?? 0;
    result.set(c.id, pool[turn % pool.length]!.login);
    turns.set(key, turn + 1);
  }
  return result;
}

export function planHandover(p: { receivers: readonly Receiver[]; split: Split; owned: readonly Placed[]; listed: readonly Listed[] }): HandoverPlan {
  const newOwner = assign(p.owned, p.receivers, p.split);
  const others = assign(
    p.listed.filter((c) => !newOwner.has(c.id)),
    p.receivers,
    p.split,
  );
  return {
    owners: [...newOwner].map(([customerId, to]) => ({ customerId, to })),
    links: [...p.listed].sort(byId).map((c) => {
      // On a file changing owner the link would go to the new owner, who needs none.
      if (newOwner.has(c.id)) return { customerId: c.id, to: null };
      const to = others.get(c.id)!;
      return { customerId: c.id, to: to === c.owner || c.staff.includes(to) ? null : to };
    }),
  };
}
