/**
 * ACLED-style notes: one or two plain sentences saying who did what to whom, where and when,
 * and the toll ("On 25 July 2018, Islamic State attacked civilians in As-Suwayda (As-Suwayda).
 * 250 fatalities."). Written from the coded fields only, so they never claim more than the
 * record does.
 */
import type { CodedEvent, SubEventType } from '../types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const VERB: Record<SubEventType, string> = {
  'Government regains territory': 'regained territory from',
  'Non-state actor overtakes territory': 'took control of territory from',
  'Armed clash': 'clashed with',
  'Chemical weapon': 'used chemical weapons against',
  'Air/drone strike': 'carried out air or drone strikes on',
  'Suicide bomb': 'carried out a suicide bombing against',
  'Shelling/artillery/missile attack': 'shelled or fired missiles at',
  'Remote explosive/landmine/IED': 'detonated an explosive device targeting',
  Grenade: 'threw a grenade at',
  'Sexual violence': 'committed sexual violence against',
  Attack: 'attacked',
  'Abduction/forced disappearance': 'abducted',
  'Peaceful protest': 'demonstrated',
  'Protest with intervention': 'demonstrated and were dispersed by',
  'Excessive force against protesters': 'were met with lethal force by',
  'Violent demonstration': 'rioted',
  'Mob violence': 'carried out mob violence against',
  Agreement: 'reached an agreement with',
  Arrests: 'arrested',
  'Change to group/activity': 'changed activity',
  'Disrupted weapons use': 'disrupted weapons use by',
  'Headquarters or base established': 'established a base',
  'Looting/property destruction': 'looted or destroyed property of',
  'Non-violent transfer of territory': 'took over territory without fighting from',
  Other: 'were involved in an event with',
};

const PREFIX: Record<number, string> = { 1: 'On', 2: 'Around', 3: 'In' };

function dateWords(e: CodedEvent): string {
  const [y, m, d] = e.date.split('-').map(Number) as [number, number, number];
  const month = MONTHS[m - 1] ?? '';
  if (e.timePrecision === 3) return `${PREFIX[3]} ${month} ${y}`;
  return `${PREFIX[e.timePrecision]} ${d} ${month} ${y}`;
}

/** Drops the bracketed country suffix, as ACLED's notes do: "Civilians (Syria)" → "civilians". */
function plain(name: string): string {
  const bare = name.replace(/\s*\([^)]*\)\s*$/, '');
  return /^(Civilians|Protesters|Rioters)$/.test(bare) ? bare.toLowerCase() : bare;
}

export function notesOf(e: CodedEvent): string {
  const where = e.place.admin1 && e.place.admin1 !== e.location ? `${e.location} (${e.place.admin1})` : e.location;
  const verb = VERB[e.subEventType];
  const transitive = / (with|from|on|at|against|targeting|by|of)$|^(attacked|abducted|arrested)$/.test(verb);
  const object = e.actor2 && transitive ? ` ${plain(e.actor2)}` : '';
  // With no one named on the other side, the verb's dangling preposition goes.
  const said = e.actor2 ? verb : verb.replace(/ (with|from|on|at|against|targeting|by|of)$/, '');
  const status = e.status === 'occurred' ? '' : ` [status: ${e.status}]`;
  const toll = e.fatalities > 0 ? ` ${e.fatalities} fatalit${e.fatalities === 1 ? 'y' : 'ies'}.` : '';
  return `${dateWords(e)}, ${plain(e.actor1)} ${said}${object} in ${where}.${toll}${status}`.replace(/\s+/g, ' ').trim();
}
