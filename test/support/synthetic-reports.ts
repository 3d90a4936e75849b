/**
 * Short conflict reports written from templates, for tests and benchmarks that need thousands of
 * distinct documents (crash safety, ingest throughput). Varied in place, act, toll, date and
 * wording; no text of any shared set is used.
 */
const TOWNS = [
  'Kaduna', 'Maiduguri', 'Mogadishu', 'Kismayo', 'Goma', 'Beni', 'Kramatorsk', 'Kharkiv', 'Aleppo', 'Idlib', 'Mosul', 'Kirkuk',
  'Bamako', 'Gao', 'Khartoum', 'El Fasher', 'Sanaa', 'Taiz', 'Kabul', 'Kandahar', 'Peshawar', 'Quetta', 'Culiacan', 'Port-au-Prince',
];
const ACTS = [
  (town: string, n: number) => `Gunmen killed ${n} people in an attack on a market in ${town} on Tuesday, police said.`,
  (town: string, n: number) => `A roadside bomb wounded ${n} soldiers near ${town} on Monday, the army said.`,
  (town: string, n: number) => `Hundreds of people protested in ${town} on Sunday against rising prices; ${n} were arrested.`,
  (town: string, n: number) => `Shelling hit residential areas of ${town} overnight, killing ${n} civilians, officials said.`,
  (town: string, n: number) => `Armed men abducted ${n} passengers from a bus on the road out of ${town} on Friday, witnesses said.`,
  (town: string, n: number) => `Rival militias clashed for hours in the outskirts of ${town} on Wednesday, leaving ${n} fighters dead.`,
];
const TAILS = [
  'Residents said the area had been calm for weeks.',
  'No group claimed responsibility.',
  'Local officials called for calm and more security.',
  'The government promised an investigation.',
  'Aid groups said they were unable to reach the area.',
  'Hospitals in the region appealed for blood donations.',
  'It was the third such incident this month.',
];

export interface SyntheticReport {
  id: string;
  published: string;
  source: string;
  text: string;
}

/** The i-th report (0-based): the same i always gives the same report. */
export function syntheticReport(i: number): SyntheticReport {
  const town = TOWNS[i % TOWNS.length]!;
  const act = ACTS[Math.floor(i / TOWNS.length) % ACTS.length]!;
  const tail = (k: number): string => TAILS[(i * k + Math.floor(i / 7)) % TAILS.length]!;
  const text = `${act(town, 2 + (i % 40))} ${tail(3)} ${tail(5)} (Report ${i + 1}.)`;
  const day = new Date(Date.UTC(2022, 0, 1 + ((i * 37) % 1000))).toISOString().slice(0, 10);
  return { id: `doc-${i + 1}`, published: day, source: 'Test Wire', text };
}
