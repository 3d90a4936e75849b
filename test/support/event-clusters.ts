/**
 * Synthetic reports of events as several outlets tell them: for tests and benchmarks that need
 * thousands of documents among which some tell the same event (the worker pool's concurrency
 * test, its benchmark). Each event is told by one to four outlets, each in its own words, some
 * a day later, some with another toll; events of the same kind in the same town fall on nearby
 * days now and then, so the merge meets near misses too. The same (events, seed) always gives
 * the same reports; no text of any shared set is used.
 */

const TOWNS = [
  'Kaduna', 'Maiduguri', 'Mogadishu', 'Kismayo', 'Goma', 'Beni', 'Kramatorsk', 'Kharkiv', 'Aleppo', 'Idlib', 'Mosul', 'Kirkuk',
  'Bamako', 'Gao', 'Khartoum', 'El Fasher', 'Sanaa', 'Taiz', 'Kabul', 'Kandahar', 'Peshawar', 'Quetta', 'Culiacan', 'Port-au-Prince',
];

/** How one outlet tells one kind of act: `when` is "on Tuesday" or "on March 8". */
type Telling = (town: string, n: number, when: string) => string;

/** Kinds of act, each told in several outlets' words. */
const ACTS: ReadonlyArray<readonly Telling[]> = [
  [
    (t, n, w) => `Gunmen killed ${n} people in an attack on a market in ${t} ${w}, police said.`,
    (t, n, w) => `At least ${n} people died when armed men stormed a busy market in ${t} ${w}, a local official told reporters.`,
    (t, n, w) => `Attackers opened fire at a market in ${t} ${w}, killing ${n} people, residents said.`,
    (t, n, w) => `Residents of ${t} buried ${n} victims of a gun attack on the central market ${w}, according to a community leader.`,
  ],
  [
    (t, n, w) => `A roadside bomb wounded ${n} soldiers near ${t} ${w}, the army said.`,
    (t, n, w) => `${n} soldiers were injured when an improvised explosive device went off beside their patrol near ${t} ${w}.`,
    (t, n, w) => `An explosive device planted on a road outside ${t} hit a military convoy ${w}, wounding ${n} troops, a spokesman said.`,
  ],
  [
    (t, n, w) => `Hundreds of people protested in ${t} ${w} against rising prices; ${n} were arrested.`,
    (t, n, w) => `Police arrested ${n} demonstrators as crowds marched through ${t} ${w} to protest against the cost of living.`,
    (t, n, w) => `Protesters angry at food prices took to the streets of ${t} ${w}, and ${n} of them were detained, organisers said.`,
  ],
  [
    (t, n, w) => `Shelling hit residential areas of ${t} ${w}, killing ${n} civilians, officials said.`,
    (t, n, w) => `Artillery shells struck homes in ${t} ${w}; ${n} civilians were killed, the regional governor said.`,
    (t, n, w) => `${n} civilians died as shells rained down on neighbourhoods of ${t} ${w}, rescue workers said.`,
    (t, n, w) => `Officials in ${t} said ${n} civilians were killed when artillery fire hit apartment blocks ${w}.`,
  ],
  [
    (t, n, w) => `Armed men abducted ${n} passengers from a bus on the road out of ${t} ${w}, witnesses said.`,
    (t, n, w) => `Kidnappers seized ${n} travellers from a bus leaving ${t} ${w}, the transport union said.`,
    (t, n, w) => `Gunmen stopped a bus outside ${t} ${w} and took ${n} passengers away, according to police.`,
  ],
  [
    (t, n, w) => `Rival militias clashed for hours in the outskirts of ${t} ${w}, leaving ${n} fighters dead.`,
    (t, n, w) => `Fighting between two armed groups on the edge of ${t} ${w} killed ${n} combatants, a medical source said.`,
    (t, n, w) => `${n} fighters were killed in heavy clashes between rival militias near ${t} ${w}, local sources reported.`,
  ],
];

/**
 * Background sentences after the lead, with their own names and figures: they tell no event, and
 * they keep two outlets' texts (and two events told in the same words) from being near-duplicates.
 */
const BACKGROUND: ReadonlyArray<(rand: () => number) => string> = [
  (r) => `Residents said the area had been calm for ${2 + Math.floor(r() * 9)} weeks.`,
  () => 'No group claimed responsibility.',
  (r) => `${pick(r, NAMES)}, a ${pick(r, TRADES)}, said people were afraid to leave their homes.`,
  (r) => `The governor of the region, ${pick(r, NAMES)}, called for calm.`,
  () => 'The government promised an investigation.',
  (r) => `Aid groups said they had not been able to reach ${1 + Math.floor(r() * 20)} villages in the district.`,
  (r) => `Hospitals appealed for blood donations and for ${pick(r, ['doctors', 'nurses', 'generators', 'fuel'])}.`,
  (r) => `Schools in the district were closed for ${pick(r, ['the rest of the week', 'two days', 'a week', 'the day'])}.`,
  (r) => `Roads into the town were blocked for ${2 + Math.floor(r() * 10)} hours.`,
  (r) => `${pick(r, NAMES)}, who runs a ${pick(r, ['pharmacy', 'bakery', 'clinic', 'school', 'garage'])} nearby, said prices had doubled since ${pick(r, MONTHS)}.`,
  (r) => `The town, home to about ${20 + Math.floor(r() * 400)},000 people, lies on the main road to the ${pick(r, ['north', 'south', 'east', 'west'])}.`,
  (r) => `Mobile phone networks were down for ${pick(r, ['most of the day', 'several hours', 'the night'])}, ${pick(r, NAMES)} said.`,
];

const NAMES = ['Amina Yusuf', 'Hassan Ali', 'Olena Koval', 'Pierre Kabila', 'Fatima Omar', 'Jamal Nasser', 'Maria Lopez', 'Ahmed Noor', 'Grace Atieno', 'Ibrahim Sow'];
const TRADES = ['shopkeeper', 'teacher', 'taxi driver', 'nurse', 'farmer', 'student', 'mechanic', 'tailor'];

const OUTLETS = ['Daily Courier', 'Radio Horizon', 'The Frontline Post', 'Capital Times', 'Regional Wire', 'Morning Herald', 'Voice of the Valley'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY = 86_400_000;

export interface ClusterReport {
  /** "e17-r2": the event and which of its reports. */
  id: string;
  event: number;
  published: string;
  source: string;
  text: string;
}

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** "on Tuesday" when the outlet writes within the week, else "on March 8". */
function whenSaid(eventDay: number, publishedDay: number, explicit: boolean): string {
  const d = new Date(eventDay);
  if (!explicit && publishedDay - eventDay < 6 * DAY && publishedDay > eventDay) return `on ${WEEKDAYS[d.getUTCDay()]}`;
  return `on ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/**
 * Reports of `events` events, in the order a feed reader meets them: by publication day, in no
 * particular order within a day. Events fall on successive days, about four a day; each is
 * reported one or two days later. Every text is distinct.
 */
export function clusterReports(events: number, seed = 1): ClusterReport[] {
  const rand = random(seed);
  const start = Date.UTC(2022, 0, 3);
  const perDay = 4;
  const reports: Array<ClusterReport & { order: number }> = [];
  for (let e = 0; e < events; e++) {
    const town = pick(rand, TOWNS);
    const tellings = pick(rand, ACTS);
    const eventDay = start + Math.floor(e / perDay) * DAY;
    const toll = 2 + Math.floor(rand() * 30);
    const count = 1 + Math.floor(rand() * Math.min(4, tellings.length));
    // Distinct outlets and wordings for the event's reports.
    const first = Math.floor(rand() * tellings.length);
    const outlet = Math.floor(rand() * OUTLETS.length);
    for (let r = 0; r < count; r++) {
      const publishedDay = eventDay + (1 + Math.floor(rand() * 2)) * DAY;
      // Later reports sometimes carry a higher toll, as tolls rise.
      const n = r > 0 && rand() < 0.3 ? toll + 1 + Math.floor(rand() * 4) : toll;
      const sentence = tellings[(first + r) % tellings.length]!(town, n, whenSaid(eventDay, publishedDay, rand() < 0.3));
      const tail = [0, 1, 2].map(() => pick(rand, BACKGROUND)(rand)).join(' ');
      reports.push({
        id: `e${e + 1}-r${r + 1}`,
        event: e,
        published: isoDay(publishedDay),
        source: OUTLETS[(outlet + r) % OUTLETS.length]!,
        text: `${sentence} ${tail} (Dispatch ${e + 1}-${r + 1}.)`,
        order: publishedDay + rand() * DAY,
      });
    }
  }
  return reports.sort((a, b) => a.order - b.order).map(({ order: _order, ...report }) => report);
}
