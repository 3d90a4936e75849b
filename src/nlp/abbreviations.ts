/**
 * Abbreviations that end in a full stop without ending a sentence. wink-nlp already knows
 * most ("U.S.", "Lt.", "Jan.", "p.m."); these lists repair the splits it still makes
 * ("al-Bab (pop. 60,000)"). Written by the sitrep authors; all lower case, without the dot.
 */

/** Titles and name parts: always followed by a name, so never the end of a sentence. */
export const TITLE_ABBREVIATIONS: readonly string[] = [
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'rev', 'fr', 'hon', 'amb', 'pres', 'gov',
  'sen', 'rep', 'atty', 'supt', 'insp', 'det', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'cmdr',
  'cdr', 'adm', 'brig', 'sgt', 'cpl', 'pvt', 'spc', 'lt.-gen', 'maj.-gen', 'lt.-col', 'mt', 'ft', 'st',
];

/** Other abbreviations: the sentence goes on only when the next word is lower-case or a number. */
export const OTHER_ABBREVIATIONS: readonly string[] = [
  'no', 'nos', 'vs', 'v', 'etc', 'approx', 'pop', 'est', 'inc', 'corp', 'ltd', 'co', 'bros', 'dept',
  'govt', 'univ', 'assn', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'a.m', 'p.m',
  'u.s', 'u.n', 'u.k', 'e.u', 'i.e', 'e.g', 'cf', 'al', 'fig', 'vol', 'ch', 'p', 'pp', 'ca', 'c', 'b',
  'd', 'incl', 'km', 'kg', 'min', 'max', 'ave', 'blvd', 'rd', 'hwy', 'jr', 'sr', 'int\'l', 'nat\'l', 'approx',
];
