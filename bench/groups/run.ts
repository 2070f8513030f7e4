// Measures the grouping algorithm against a random split (run: node --import tsx bench/groups/run.ts).
// For classes of 30, 300 and 3,000 generated participants (fixed seed, group size 5) it prints the time
// taken, the mix score (0-100) and the pairs of people from one organisation sharing a group.
import os from 'node:os';
import { formGroups, minimumSameOrganisationPairs, planGroups, randomSplit } from '../../src/modules/training/domain/grouping.ts';
import { splitScore, type Member } from '../../src/modules/training/domain/mix-score.ts';
import { seededRandom } from '../../src/modules/training/domain/random.ts';

const PROFILES = ['pa_manager', 'pa_official', 'third_sector', 'migrant_association', 'other'];
const PROFILE_SHARES = [0.2, 0.3, 0.25, 0.2, 0.05];
const LEVELS = ['executive', 'coordinator', 'operator', 'volunteer'];
const REGIONS = ['08', '19', '12', '01'];
const GROUP_SIZE = 5;
const RANDOM_SPLITS = 20;

/** A class like the programme's: mostly PA officials and third sector, organisations of 1 to ~6 people. */
function generateClass(size: number, seed: number): Member[] {
  const random = seededRandom(seed);
  const organisations = Math.max(2, Math.round(size / 2.5));
  return Array.from({ length: size }, (_, i) => {
    let r = random();
    let p = 0;
    while (p < PROFILE_SHARES.length - 1 && r > PROFILE_SHARES[p]!) r -= PROFILE_SHARES[p++]!;
    // A skewed pick: a few large organisations, many small ones.
    const organisation = Math.floor(organisations * random() ** 2);
    return {
      id: `p${String(i).padStart(5, '0')}`,
      profile: PROFILES[p]!,
      organisation: `org-${organisation}`,
      roleLevel: LEVELS[Math.floor(random() * LEVELS.length)]!,
      region: REGIONS[Math.floor(random() * REGIONS.length)]!,
    };
  });
}

function time<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const rows: string[] = [];
for (const size of [30, 300, 3000]) {
  const members = generateClass(size, 2026 + size);
  const byId = new Map(members.map((m) => [m.id, m]));
  const count = (planGroups(size, GROUP_SIZE) as { count: number }).count;
  const repeats = size <= 300 ? 5 : 1;
  const runs = Array.from({ length: repeats }, () => time(() => formGroups({ members, groupSize: GROUP_SIZE, seed: 42 })));
  const formed = runs[0]!.value;
  const formedMs = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(repeats / 2)]!;
  const randoms = Array.from({ length: RANDOM_SPLITS }, (_, s) => time(() => splitScore(randomSplit(members, GROUP_SIZE, s + 1).map((g) => g.map((id) => byId.get(id)!)))));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  rows.push(
    `| ${size.toLocaleString('en')} | ${count} | ${formedMs.toFixed(0)} ms | ${formed.score.toFixed(1)} | ${formed.sameOrganisationPairs} (minimum ${minimumSameOrganisationPairs(members, count)}) | ` +
      `${mean(randoms.map((r) => r.ms)).toFixed(1)} ms | ${mean(randoms.map((r) => r.value.score)).toFixed(1)} (best ${Math.max(...randoms.map((r) => r.value.score)).toFixed(1)}) | ` +
      `${mean(randoms.map((r) => r.value.sameOrganisationPairs)).toFixed(1)} |`,
  );
}

process.stdout.write(
  [
    `Grouping benchmark — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; group size ${GROUP_SIZE}; random split: mean of ${RANDOM_SPLITS} seeds`,
    '',
    '| class | groups | algorithm time | algorithm score | same-organisation pairs | random split time | random split score | random same-organisation pairs |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n'),
);
