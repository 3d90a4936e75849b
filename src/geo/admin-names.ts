/**
 * Cleans first- and second-level division names for output: GeoNames and Natural Earth write
 * "Idlib Governorate", "Muhafazat Hims", "Kyiv Oblast"; the press and ACLED write "Idlib",
 * "Homs", "Kyiv". Used by the gazetteer build; kept in src/ so the rule is tested.
 */
import { isLatinName } from './normalize.js';

const DIVISION_SUFFIX_RE =
  / (governorate|province|region|state|oblast|oblast'|department|departement|prefecture|division|municipality|district|territory|county|emirate|muhafazat|wilaya|wilayah|provincia|regional state|autonomous region|special region|raion|rayon|township|local government area|lga|sub-county|subcounty|cercle|commune|municipio|city district|krai|kray|autonomous okrug)$/i;
const DIVISION_PREFIX_RE =
  /^(muhafazat|provincia de|provincia del|province of|province de la|province de|departamento de|departamento del|departement de|estado de|estado do|wilayat|wilaya de|region of|region de|oblast|mintaqat|governorate of|province du|territoire de|cercle de|kabupaten|kota|ville de|municipio de|municipio) /i;
/** Words that cannot stand alone as a division name once a suffix is cut ("Northern District"). */
const BARE_WORDS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'capital', 'federal', 'upper', 'lower', 'middle']);

/** "Idlib Governorate" → "Idlib"; "Northern District" stays whole; diacritics are dropped. */
export function cleanDivisionName(name: string): string {
  const ascii = toAscii(name.trim());
  // A bracketed gloss is not part of the name: "Zabaykalskiy (Transbaikal) Kray" → "Zabaykalskiy".
  const unbracketed = ascii.replace(/\s*\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  let cleaned = unbracketed.replace(DIVISION_PREFIX_RE, '').replace(DIVISION_SUFFIX_RE, '').trim();
  if (cleaned === '' || BARE_WORDS.has(cleaned.toLowerCase())) cleaned = ascii;
  return cleaned.replace(/\s+/g, ' ');
}

/** Drops diacritics and ayn/hamza signs but keeps plain apostrophes: "Ḩajjah" → "Hajjah". */
export function toAscii(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’ʿʾʻʼ`´]/g, "'")
    .replace(/[^\x20-\x7e]/g, (ch) => ASCII_FOLDS[ch] ?? '');
}

const ASCII_FOLDS: Record<string, string> = {
  ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', ð: 'd', þ: 'th', ə: 'a', Ə: 'A', ǝ: 'a', Ǝ: 'A',
  Ħ: 'H', '–': '-', '—': '-',
};

/** The spellings worth indexing for a division: the name as given and cleaned, Latin only. */
export function divisionSpellings(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name === '' || !isLatinName(name)) continue;
    out.add(name);
    out.add(cleanDivisionName(name));
    const bracket = /^(.*?)\s*\((.+)\)$/.exec(name); // "Homs (Hims)", "Hasaka (Al Haksa)"
    if (bracket?.[1] && bracket[2]) {
      out.add(bracket[1]);
      out.add(bracket[2]);
    }
  }
  return [...out];
}
