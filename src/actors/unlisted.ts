/**
 * Armed groups the dictionary does not list, read from how their names are made: a run of
 * capitalised words ending in a word for an armed body ("Tariq Ibn Ziyad Brigade", "Kyaukse
 * District Defense Force (KDDF)", "Southern Resistance") or followed by one in lower case
 * ("Jinen Tirejen Roje militants", "Los Ardillos gang"). ACLED names such a group by its own
 * name, "ABBR: Full Name" when the text gives the abbreviation. Local defence forces, gangs and
 * brigades are too many and too short-lived to list; their names say what they are.
 */
import type { ActorEntry, ActorKind } from '../types.js';
import type { FoldedText } from './alias-index.js';

const WORD = "\\p{Lu}[\\p{L}\\p{M}'’.]*(?:-\\p{Lu}[\\p{L}\\p{M}'’.]*)*";
/** Lower-case words inside a name: "Tariq Ibn Ziyad", "Cartel de Santa Rosa de Lima". */
const CONNECTOR = '(?:of|de|del|la|las|los|al|el|ibn|bin|for|the|y)';
/** Capitalised last words that name an armed body. */
const HEAD =
  '(?:Brigades?|Battalions?|Front|Forces?|Army|Militias?|Resistance|Guerrillas?|Cartel|Gang|Squads?|Commandos?|Legion|Corps|Regiment|Defenders|Warriors|Fighters|Mujahideen|Mujahidin|Rangers)';
/** Lower-case nouns after a name that make it an armed group's: "Jinen Tirejen Roje militants". */
const MEMBERS = '(?:gang|cartel|militants|fighters|militia|militiamen|rebels|insurgents|guerrillas|gunmen)';

/**
 * A name can only be read where a head or a member noun follows within reach: these literal
 * tests (no Unicode classes) rule out most capitalised words before the two patterns run. They
 * are the alternations above with the optional plural dropped ("Brigades?" → "Brigade").
 */
const HEAD_NEARBY = HEAD.slice(3, -1).replace(/s\?/g, '').replace(/\?/g, '');
const MEMBERS_NEARBY = MEMBERS.slice(3, -1);
/** How far after a name's first word its head or member noun may stand. */
const REACH = 160;

/**
 * Where the literal head and member words occur in one document, so that each capitalised word
 * asks "does one end within reach?" by a binary search instead of two regex scans of the next
 * 160 characters (the same answer: a word counts when it lies wholly inside the window).
 */
export interface NameCues {
  /** Start of every occurrence, ascending. */
  starts: Int32Array;
  /** The least end among the occurrences from this one on. */
  minEnds: Int32Array;
}

export function nameCuesOf(raw: string): NameCues {
  const found: Array<[number, number]> = [];
  for (const word of `${HEAD_NEARBY}|${MEMBERS_NEARBY}`.split('|')) {
    for (let at = raw.indexOf(word); at >= 0; at = raw.indexOf(word, at + 1)) found.push([at, at + word.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const starts = new Int32Array(found.length);
  const minEnds = new Int32Array(found.length);
  let least = Infinity;
  for (let i = found.length - 1; i >= 0; i--) {
    const [start, end] = found[i]!;
    least = Math.min(least, end);
    starts[i] = start;
    minEnds[i] = least;
  }
  return { starts, minEnds };
}

/** True when a head or member word lies wholly inside [from, to). */
function cueWithin(cues: NameCues, from: number, to: number): boolean {
  let lo = 0;
  let hi = cues.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues.starts[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < cues.starts.length && (cues.minEnds[lo] as number) <= to;
}

const HEADED = new RegExp(`^((?:${WORD}\\s+(?:${CONNECTOR}\\s+)*)*${HEAD})(?![\\p{L}\\p{M}])`, 'u');
const MEMBERED = new RegExp(`^((?:${WORD}\\s+(?:${CONNECTOR}\\s+)*)*${WORD})\\s+(${MEMBERS})\\b`, 'u');
/** "(KDDF)" after the name: its abbreviation. */
const ABBREVIATION = /^\s*\(([A-Z][A-Za-z0-9/&-]{1,11})\)/;
/** "People's Defense Force - Mingin": the local unit's place, part of ACLED's name. */
const LOCALITY = new RegExp(`^\\s+[-–]\\s+(${WORD})`, 'u');

/** Words that alone make no name: a state's forces, or a description ("Popular Resistance"). */
const GENERIC = new Set(
  [
    'the', 'national', 'security', 'government', 'special', 'armed', 'air', 'defense', 'defence', 'police', 'border', 'republican',
    'presidential', 'rapid', 'support', 'joint', 'task', 'federal', 'state', 'popular', "people's", 'peoples', 'people', 'revolutionary',
    'democratic', 'liberation', 'islamic', 'resistance', 'forces', 'force', 'army', 'front', 'brigade', 'brigades', 'battalion',
    'battalions', 'militia', 'militias', 'guard', 'corps', 'regiment', 'unit', 'units', 'command', 'new', 'united', 'free', 'royal',
    'military', 'naval', 'marine', 'marines', 'coast', 'counter', 'anti', 'elite', 'mobile', 'reserve', 'rangers', 'commando',
    'commandos', 'squad', 'squads', 'territorial', 'civil', 'regional', 'local', 'village', 'self', 'self-defense', 'self-defence',
    'defenders', 'fighters', 'warriors', 'legion', 'guerrilla', 'guerrillas', 'cartel', 'gang', 'mujahideen', 'mujahidin', 'interim',
    'transitional', 'central', 'international', 'allied', 'coalition', 'tactical',
    'intervention', 'emergency', 'protection', 'guards', 'i', 'ii', 'iii',
  ],
);
/** First words that are not part of a name: sentence openers capitalised by position. */
const OPENERS = new Set([
  'on', 'in', 'at', 'after', 'before', 'when', 'while', 'during', 'as', 'but', 'and', 'meanwhile', 'then', 'later', 'also', 'both',
  'two', 'three', 'several', 'some', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'the', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
  'august', 'september', 'october', 'november', 'december', 'overnight', 'earlier', 'suspected', 'alleged', 'unidentified', 'unknown',
]);

export interface UnlistedGroup {
  start: number;
  end: number;
  actor: ActorEntry;
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const ARMY_LIKE = /\b(?:Army|Front|Liberation|Revolutionary|Guerrillas?|Mujahideen|Mujahidin)\b/;

/**
 * An unlisted armed group whose name starts at `start` (or a word or two later), else null.
 * `cues` are `nameCuesOf(text.raw)`.
 */
export function unlistedGroupAt(text: FoldedText, cues: NameCues, start: number, known: (at: number) => boolean): UnlistedGroup | null {
  const raw = text.raw;
  if (!cueWithin(cues, start, Math.min(start + REACH, raw.length))) return null;
  const rest = raw.slice(start, start + REACH);
  let name: string;
  let end: number;
  let suffix = '';
  const headed = HEADED.exec(rest);
  const membered = headed ? null : MEMBERED.exec(rest);
  if (headed) {
    name = headed[1] as string;
    end = start + name.length;
  } else if (membered) {
    name = membered[1] as string;
    end = start + membered[0].length;
    const noun = membered[2] as string;
    if (noun === 'gang' || noun === 'cartel') suffix = ` ${titleCase(noun)}`;
  } else return null;
  const words = name.split(/\s+/);
  while (words.length > 0 && OPENERS.has((words[0] as string).toLowerCase())) words.shift();
  if (words.length === 0 || (words.length < 2 && !suffix && !membered)) return null;
  if (words.every((w) => GENERIC.has(w.toLowerCase()) || /^(?:of|de|del|la|las|los|al|el|ibn|bin|for|the|y)$/.test(w))) return null;
  const nameStart = start + name.indexOf(words[0] as string);
  // A word the dictionary knows (a country, a demonym, a listed group) leaves the reading to it:
  // "Ukrainian Territorial Defense Forces" is a state's, "Monday Taliban militants" the Taliban.
  let at = nameStart;
  for (const w of words) {
    at = raw.indexOf(w, at);
    if (known(at)) return null;
    at += w.length;
  }
  let full = words.join(' ') + suffix;
  const locality = LOCALITY.exec(raw.slice(end, end + 40));
  if (locality && headed) {
    full += ` - ${locality[1]}`;
    end += locality[0].length;
  }
  const abbreviation = ABBREVIATION.exec(raw.slice(end, end + 16));
  // "the ... Defense Forces (IDF)": an abbreviation the dictionary knows names the group.
  if (abbreviation && known(end + abbreviation[0].indexOf('(') + 1)) return null;
  const canonical = abbreviation ? `${abbreviation[1]}: ${full}` : full;
  if (abbreviation) end += abbreviation[0].length;
  const kind: ActorKind = ARMY_LIKE.test(full) ? 'rebel' : 'political-militia';
  return { start: nameStart, end, actor: { name: canonical, kind, inter: kind === 'rebel' ? 2 : 3, iso3: null } };
}
