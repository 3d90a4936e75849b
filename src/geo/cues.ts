/**
 * Context cues around a candidate place name. They say that a capitalised word is a place at
 * all ("in X", "the town of X") and which reading is meant ("X province" is the division,
 * "near X" is precision 2).
 */
export type Cue = 'division' | 'district' | 'town' | 'sub' | 'near' | 'prep' | null;

const TYPED_BEFORE_RE =
  /\b(towns?|villages?|city|cities|hamlet|settlement|neighbou?rhoods?|suburbs?|municipality|locality|port|camp|capital|governorate|province|region|state|oblast|county|department|prefecture|outskirts|countryside|vicinity|environs|edge|parts?|district|area)\s+of\s+(?:the\s+)?$/i;
const NEAR_BEFORE_RE =
  /\b(?:near|nearby|outside|around|close to|next to|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?(?:\s+of)?|(?:kilomet(?:re|er)s?|km|miles?)\s+(?:\w+\s+)?(?:from|of))\s+(?:the\s+)?$/i;
/** "in the X", and "in el Hermel", "at al Mina": an Arabic article the name's span leaves out. */
const PREP_BEFORE_RE =
  /\b(?:in|at|from|into|to|towards?|across|throughout|inside|via|through|on|between|and|of|reached|entered|captured|shelled|bombed|struck|hit|seized)\s+(?:the\s+|(?:al|el|ad|ar|as|ash|az)[\s-])?$/i;

const TOWN_WORDS = new Set(['town', 'towns', 'village', 'villages', 'city', 'cities', 'hamlet', 'settlement', 'municipality', 'locality', 'port', 'camp', 'capital']);
const DIVISION_WORDS = new Set(['governorate', 'province', 'region', 'state', 'oblast', 'county', 'department', 'prefecture']);
const NEAR_WORDS = new Set(['outskirts', 'countryside', 'vicinity', 'environs', 'edge', 'part', 'parts', 'neighbourhood', 'neighborhood', 'neighbourhoods', 'neighborhoods', 'suburb', 'suburbs', 'district', 'area']);

/** The cue in the words just before a name (`before` is the sentence text up to the name). */
export function cueBefore(before: string): Cue {
  const tail = before.slice(-60);
  const typed = TYPED_BEFORE_RE.exec(tail);
  if (typed?.[1]) {
    const word = typed[1].toLowerCase();
    if (TOWN_WORDS.has(word)) return 'town';
    if (DIVISION_WORDS.has(word)) return 'division';
    if (NEAR_WORDS.has(word)) return 'near';
  }
  if (NEAR_BEFORE_RE.test(tail)) return 'near';
  if (PREP_BEFORE_RE.test(tail)) return 'prep';
  return null;
}

/** Second-level division words: "Las Bela district", "Pekon township", "Masisi territory". */
const DISTRICT_WORDS = new Set(['district', 'districts', 'township', 'territory', 'lga', 'sub-county', 'subcounty', 'raion', 'rayon', 'woreda', 'tehsil', 'taluka', 'cercle', 'commune']);
/**
 * Words that make the name a part of a town, not a town: "the Barrocas neighborhood", "Ulus
 * square". A namesake town elsewhere is then the wrong reading.
 */
const SUB_WORDS = new Set(['neighborhood', 'neighbourhood', 'neighborhoods', 'neighbourhoods', 'quarter', 'square', 'street', 'road', 'avenue', 'plot', 'farm', 'estate', 'colony', 'compound', 'school', 'mosque', 'church', 'market']);

/** The cue in the word right after a name: "Daraa province", "Idlib countryside", "Aleppo city". */
export function cueAfter(nextWord: string | null): Cue {
  if (!nextWord) return null;
  const word = nextWord.toLowerCase();
  if (DIVISION_WORDS.has(word)) return 'division';
  if (DISTRICT_WORDS.has(word)) return 'district';
  if (SUB_WORDS.has(word)) return 'sub';
  if (word === 'countryside' || word === 'outskirts' || word === 'suburbs' || word === 'area') return 'near';
  if (word === 'city' || word === 'town' || word === 'village') return 'town';
  return null;
}

/** True for a division word that belongs in the mention's span ("Daraa province"). */
export function isDivisionWord(word: string): boolean {
  return DIVISION_WORDS.has(word.toLowerCase());
}

/** The stronger of two cues: a typed cue beats a bare preposition. */
export function strongerCue(a: Cue, b: Cue): Cue {
  return cueRank(a) >= cueRank(b) ? a : b;
}

function cueRank(c: Cue): number {
  return c === 'division' ? 5 : c === 'district' ? 4 : c === 'town' || c === 'sub' ? 3 : c === 'near' ? 2 : c === 'prep' ? 1 : 0;
}
