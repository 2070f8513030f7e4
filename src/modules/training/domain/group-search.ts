/**
 * The local search behind formGroups, on integer-coded attributes. The cost of a split is, summed over
 * groups, the weighted number of member pairs sharing a value divided by the group's pairs per member
 * (size − 1): exactly what the mix score (averaged by size) loses. Moves keep sizes within one of each
 * other and never add a pair of people from the same organisation.
 */
export interface SearchInput {
  /** values[a][p]: the code of attribute a for person p. */
  values: Int32Array[];
  weights: number[];
  /** Which attribute is the organisation (a hard constraint besides a weight). */
  organisationAttribute: number;
  /** The starting groups (person indexes), already balanced and spreading organisations evenly. */
  start: number[][];
  random: () => number;
}

/** Improves a split by swaps and balanced moves until none helps; returns the groups and their cost. */
export function searchGroups(input: SearchInput): { groups: number[][]; cost: number } {
  const { values, weights, organisationAttribute: org, random } = input;
  const n = values[0]!.length;
  const attributes = weights.length;
  const groups = input.start.map((g) => [...g]);
  const groupOf = new Int32Array(n);
  groups.forEach((g, gi) => g.forEach((p) => (groupOf[p] = gi)));
  const distinct = values.map((column) => column.reduce((max, v) => Math.max(max, v), 0) + 1);
  const counts = groups.map((g) =>
    values.map((column, a) => {
      const c = new Int32Array(distinct[a]!);
      for (const p of g) c[column[p]!]!++;
      return c;
    }),
  );
  // same[g]: weighted same-value pairs of group g.
  const same = counts.map((byAttribute) => byAttribute.reduce((sum, c, a) => sum + weights[a]! * c.reduce((s, k) => s + (k * (k - 1)) / 2, 0), 0));
  const per = (size: number) => (size > 1 ? 1 / (size - 1) : 0);

  const swapDelta = (x: number, y: number): { cost: number; org: number } => {
    const ga = groupOf[x]!;
    const gb = groupOf[y]!;
    let da = 0;
    let db = 0;
    let orgChange = 0;
    for (let a = 0; a < attributes; a++) {
      const vx = values[a]![x]!;
      const vy = values[a]![y]!;
      if (vx === vy) continue;
      const ca = counts[ga]![a]!;
      const cb = counts[gb]![a]!;
      const changeA = ca[vy]! - ca[vx]! + 1;
      const changeB = cb[vx]! - cb[vy]! + 1;
      da += weights[a]! * changeA;
      db += weights[a]! * changeB;
      if (a === org) orgChange = changeA + changeB;
    }
    return { cost: da * per(groups[ga]!.length) + db * per(groups[gb]!.length), org: orgChange };
  };

  const moveDelta = (x: number, gb: number): { cost: number; org: number } => {
    const ga = groupOf[x]!;
    const sa = groups[ga]!.length;
    const sb = groups[gb]!.length;
    let leave = 0;
    let join = 0;
    for (let a = 0; a < attributes; a++) {
      const v = values[a]![x]!;
      leave += weights[a]! * (counts[ga]![a]![v]! - 1);
      join += weights[a]! * counts[gb]![a]![v]!;
    }
    const orgChange = counts[gb]![org]![values[org]![x]!]! - (counts[ga]![org]![values[org]![x]!]! - 1);
    const cost = (same[ga]! - leave) * per(sa - 1) - same[ga]! * per(sa) + (same[gb]! + join) * per(sb + 1) - same[gb]! * per(sb);
    return { cost, org: orgChange };
  };

  const place = (p: number, from: number, to: number) => {
    for (let a = 0; a < attributes; a++) {
      const v = values[a]![p]!;
      same[from] = same[from]! - weights[a]! * (counts[from]![a]![v]! - 1);
      counts[from]![a]![v]!--;
      same[to] = same[to]! + weights[a]! * counts[to]![a]![v]!;
      counts[to]![a]![v]!++;
    }
    groupOf[p] = to;
  };
  const swap = (x: number, y: number) => {
    const ga = groupOf[x]!;
    const gb = groupOf[y]!;
    place(x, ga, gb);
    place(y, gb, ga);
    groups[ga]![groups[ga]!.indexOf(x)] = y;
    groups[gb]![groups[gb]!.indexOf(y)] = x;
  };
  const move = (x: number, gb: number) => {
    const ga = groupOf[x]!;
    place(x, ga, gb);
    groups[ga]!.splice(groups[ga]!.indexOf(x), 1);
    groups[gb]!.push(x);
  };

  // Large classes try a sample of partners per person and pass; small ones try everyone.
  const sample = n <= 400 ? null : 160;
  for (let pass = 0; pass < 40; pass++) {
    let improved = false;
    for (let x = 0; x < n; x++) {
      let best: { kind: 'swap' | 'move'; target: number } | null = null;
      let bestCost = -1e-9;
      const tries = sample ?? n;
      for (let t = 0; t < tries; t++) {
        const y = sample === null ? t : Math.floor(random() * n);
        if (groupOf[y] === groupOf[x]) continue;
        const delta = swapDelta(x, y);
        if (delta.org <= 0 && delta.cost < bestCost) {
          bestCost = delta.cost;
          best = { kind: 'swap', target: y };
        }
      }
      const size = groups[groupOf[x]!]!.length;
      for (let g = 0; g < groups.length; g++) {
        if (groups[g]!.length !== size - 1) continue;
        const delta = moveDelta(x, g);
        if (delta.org <= 0 && delta.cost < bestCost) {
          bestCost = delta.cost;
          best = { kind: 'move', target: g };
        }
      }
      if (best?.kind === 'swap') swap(x, best.target);
      else if (best?.kind === 'move') move(x, best.target);
      if (best) improved = true;
    }
    if (!improved) break;
  }
  const cost = groups.reduce((sum, g, gi) => sum + same[gi]! * per(g.length), 0);
  return { groups, cost };
}
