/**
 * Who the words of one clause make the doer and who the done-to, before ACLED's conventions
 * fill the roles (`roles.ts`). Reads the actor mentions around the frame's trigger words:
 *
 * - the agent follows "by" after any of the frame's words ("shot dead by gunmen", "an attack by
 *   the Taliban"), or after a prepositional phrase ("killed in a drive-by shooting in the market
 *   by two armed men"), unless "by" names an owner or a sponsor ("a hospital run by MSF");
 * - else the agent is the armed actor named before the act, in the subject, not as the object
 *   of an earlier verb ("GNA forces targeted LNA positions with artillery fire": GNA acts);
 *   several actors joined by "and" are one subject, the first named leads ("Wagner and Malian
 *   forces killed ...");
 * - when the main trigger is passive ("Two soldiers were killed when militants attacked"), the
 *   agent is the subject of another, active trigger of the frame;
 * - the target comes after the act, or before it in a passive clause.
 */
import type { ActorMention, Span, TriggerMention } from '../types.js';
import type { Frame } from './frames.js';

/** True for actors that fight: state forces, rebels, militias, foreign forces. */
export type ArmedTest = (mention: ActorMention) => boolean;

export interface Parties {
  agent: ActorMention | null;
  /** Actors named with the agent as one subject ("Wagner and Malian forces"): partners, not opponents. */
  partners: ActorMention[];
  target: ActorMention | null;
  /** Every armed actor in the clause (backers excluded), first named first: both sides of a two-sided event. */
  sides: ActorMention[];
  /** "Russian-backed regime forces", "troops, backed by U.S. special forces": supporters, not sides. */
  backers: ActorMention[];
  /** True when the main trigger is told in the passive ("were killed"). */
  passive: boolean;
}

export interface PartiesInput {
  text: string;
  sentence: Span;
  frame: Frame;
  /** Actor mentions of the clause, in text order. */
  actors: ActorMention[];
  isArmed: ArmedTest;
}

/** "was killed", "were being held", "had been shot": the trigger is passive. */
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|got|get)\s+(?!(?:a|an|the|its|their|his|her|our|this|that)\s)(?:\w+\s+)?$/i;
/** Verbs and hedges that may stand between the act and "by": "an IED planted by", "a raid allegedly carried out by". */
const BY_VERBS =
  'was|were|been|is|are|being|carried out|launched|conducted|fired|planted|placed|laid|set|detonated|triggered|claimed|perpetrated|committed|staged|mounted|allegedly|reportedly|apparently|possibly|probably|likely|presumably|suspectedly';
const QUANTIFIERS =
  'the|a|an|some|several|many|few|a few|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens of|scores of|hundreds of|a group of|a band of|approximately|about|around|at least|more than|up to|over|its own|their own|(?:alleged|suspected|presumed)?\\s*(?:members?|fighters?|militants?|elements?|gunmen|men) (?:of|from)';
/** The gap between an act and its agent: "killed by", "an IED planted by two", "shot, allegedly by the". */
const BY_GAP = new RegExp(`^[\\s,]*(?:(?:${BY_VERBS})\\s+){0,2}by\\s+(?:(?:${QUANTIFIERS})\\s+)*$`, 'i');

/** Words between "by" and the actor that the actor reading leaves out: "by two armed men", "by a group of". */
const BY_BEFORE = new RegExp(`\\bby\\s+(?:(?:${QUANTIFIERS})\\s+)*$`, 'i');
/** After these words "by" names an owner, a sponsor, or who told or found it, not the doer. */
const NOT_DOER_BY =
  /\b(?:run|owned|operated|managed|led|headed|backed|supported|aided|assisted|funded|financed|sponsored|armed|trained|founded|organi[sz]ed|called|convened|held|controlled|occupied|ruled|administered|governed|dominated|inhabited|populated|frequented|used|guarded|protected|escorted|accompanied|visited|attended|followed|surrounded|rescued|treated|recovered|found|discovered|reported|confirmed|announced|documented|recorded|verified|condemned|denied|criticized|criticised|accused|blamed|investigated|arrested|detained|captured|caught|replaced|appointed|elected|issued|published|released|posted|shared|filmed|seen|witnessed|described|named|identified|designated|considered|declared|listed|sanctioned|proscribed)\s+(?:\w+\s+)?by\s+[^]*$/i;
/** A loose "by" phrase stays in the clause of the act: no new clause or subject between. */
const CLAUSE_BREAK = /[;:]|\b(?:who|which|whom|whose|where|when|while|after|before|because|since|as|and|but|said|says|according)\b/i;
const MAX_BY_GAP_WORDS = 10;
/**
 * Words right before a mention that make it no subject: the object of an act told earlier in
 * the clause ("targeted LNA positions", "attacked the military", "ambushed a convoy of
 * soldiers") or of a preposition ("a concert marking the anniversary of the KIO").
 */
const OBJECT_BEFORE =
  /\b(?:attack(?:ed|ing|s)?|target(?:ed|ing|s)?|ambush(?:ed|ing|es)?|raid(?:ed|ing|s)?|struck|strik(?:e|es|ing)|hit(?:s|ting)?|shell(?:ed|ing|s)?|bomb(?:ed|ing|s)?|storm(?:ed|ing|s)?|assault(?:ed|ing|s)?|overr?an|overrun|killed|killing|kills|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|abduct(?:ed|ing|s)?|kidnap(?:ped|ping|s)?|fired|firing|opened fire|engag(?:ed|ing|es)|besieg(?:ed|ing|es)|encircl(?:ed|ing|es)|repel(?:led|ling|s)?|repuls(?:ed|ing|es)|against|on|at|upon|towards?|into|with|in|for|from|near|to|inside|outside|within|across|among|between|behind|beyond|during|marking|(?:anniversary|funeral|memory|death|killing|release|arrival|departure|victims?|famil(?:y|ies)|relatives|positions?|headquarters|bases?|territory|areas?|strongholds?|hideouts?|bod(?:y|ies)|vehicles?|convoy|posts?|checkpoints?) of)\s+(?:(?:on|at|upon|the|a|an|their|its|his|her|two|three|four|five|several|some|many|\d+|about|around|at least|more than|over|a group of|a convoy of|the convoy of|a column of|a patrol of|the positions of|positions of|members of|a unit of|a base of|a post of|an outpost of|a vehicle of|a checkpoint of)\s+)*$/i;
/** The verbs of OBJECT_BEFORE that make their object the target of the act itself. */
const OBJECT_OF_VIOLENCE =
  /\b(?:(?:attacks?|assaults?|raids?|ambush(?:es)?)\s+(?:on|against)|attack(?:ed|ing)|target(?:ed|ing)|ambush(?:ed|ing)|raid(?:ed|ing)|struck|striking|hit(?:ting)?|shell(?:ed|ing)|bomb(?:ed|ing)|storm(?:ed|ing)|assault(?:ed|ing)|overr?an|overrun|fired (?:on|at|upon)|opened fire (?:on|at)|engag(?:ed|ing)|besieg(?:ed|ing)|encircl(?:ed|ing)|repel(?:led|ling)|repuls(?:ed|ing))\s+(?:(?:on|at|upon|the|a|an|their|its|two|three|four|five|several|some|many|\d+|about|around|a group of|a convoy of|the convoy of|a column of|a patrol of|the positions of|positions of|members of|a unit of|a base of|a post of|an outpost of|a vehicle of|a checkpoint of)\s+)*$/i;
/** Words joining actors into one subject: "GNA and LNA forces", "Wagner, along with Malian troops". */
const JOINED = /^\s*,?\s*(?:and|&|as well as|along with|together with|alongside|plus)\s*,?\s*$/i;

/**
 * Between a passive verb's subject and the verb: a few words, no new clause ("were reportedly",
 * "from the town were"), or the same subject's first verb ("were killed and 5 were wounded").
 */
const PASSIVE_SUBJECT_GAP =
  /^(?:\s+(?:were|was)\s+[\w-]+(?:\s+[\w-]+)?\s*,?\s+and\s+(?:\d+|\w+)(?:\s+others?)?)?(?![^]*\b(?:and|but|while|after|before)\b)[^,;:]{0,60}$/i;
/** A passive verb of harm inside a trigger that also holds its subject ("soldiers were killed"). */
const PASSIVE_INSIDE = /\b(?:were|was|been|being)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|shot|slain|abducted|kidnapped|captured|beheaded|executed)\b/i;
/** Words that make what follows another, earlier act: "regained after the rebel assault". */
const EARLIER_ACT = /\b(?:after|before|since|following|prior to|ahead of|despite|amid|in response to|in retaliation for)\b/i;
/** Between a subject and its verb: nothing, or auxiliaries and adverbs ("had reportedly", "later"). */
const VERB_FOLLOWS = /^\s*(?:(?:\w+ly|have|has|had|also|then|later|again|soon|on \w+day)\s+){0,3}$/i;

const byStart = <T extends Span>(a: T, b: T): number => a.start - b.start;

/** "rebel-held Douma", "IS-controlled areas": the actor describes who holds a place; it does not act here. */
const HOLDER = /[-\u2010](?:held|controlled|occupied|run|ruled|administered|dominated)$/i;

export function isHolder(text: string, mention: Span): boolean {
  return HOLDER.test(text.slice(mention.start, mention.end)) || /^[-\u2010](?:held|controlled|occupied|run|ruled|administered|dominated)\b/i.test(text.slice(mention.end, mention.end + 14));
}

/** "Farmers killed in an attack", "two soldiers wounded by a mine": a participle with no auxiliary. */
const REDUCED_PASSIVE_AFTER = /^\s+(?:in|by|during|near|overnight|when|while|as|after|following)\b/i;

function isPassive(input: PartiesInput, trigger: Span): boolean {
  if (PASSIVE_BEFORE.test(input.text.slice(Math.max(input.sentence.start, trigger.start - 25), trigger.start))) return true;
  const word = input.text.slice(trigger.start, trigger.end);
  // "Eight soldiers died": the subject of a verb of dying is its victim.
  if (/^(?:died|dies|die|perished|succumbed|drowned)\b/i.test(word)) return true;
  return /^(?:killed|wounded|injured|hurt|shot(?: dead)?|slain|beaten|abducted|kidnapped|arrested|detained)$/i.test(word) &&
    !/\b(?:has|have|had)\s+$/i.test(input.text.slice(Math.max(input.sentence.start, trigger.start - 6), trigger.start)) &&
    REDUCED_PASSIVE_AFTER.test(input.text.slice(trigger.end, trigger.end + 12));
}

/** The actor named by "by" right after one of the frame's words ("killed by", "an attack by"). */
function adjacentBy(text: string, triggers: readonly Span[], mentions: ActorMention[]): ActorMention | null {
  for (const t of triggers) {
    // "confirmed dead by the police", "found dead by villagers": "by" names who told or found it.
    if (/\b(?:confirmed|declared|pronounced|reported|found|feared|presumed|left)\s+$/i.test(text.slice(Math.max(0, t.start - 14), t.start))) continue;
    const found = mentions.find((a) => a.start >= t.end && BY_GAP.test(text.slice(t.end, a.start)));
    if (found) return found;
  }
  return null;
}

/** "killed in a drive-by shooting in the market by two armed men": a "by" a few words after the act. */
function looseBy(input: PartiesInput, triggers: TriggerMention[], mentions: ActorMention[]): ActorMention | null {
  const { text } = input;
  const first = triggers[0];
  if (!first) return null;
  for (const a of mentions) {
    if (a.start < first.end) continue;
    const before = text.slice(Math.max(input.sentence.start, a.start - 40), a.start);
    if (!BY_BEFORE.test(before)) continue;
    // The nearest trigger word before the "by" phrase, and nothing between that opens a new clause.
    const t = [...triggers].reverse().find((x) => x.end <= a.start);
    if (!t) continue;
    const gap = text.slice(t.end, a.start);
    const byAt = gap.search(/\bby\s+[^]*$/i);
    const lead = gap.slice(0, byAt);
    if (CLAUSE_BREAK.test(lead) || NOT_DOER_BY.test(text.slice(Math.max(input.sentence.start, t.end - 20), a.start))) continue;
    if (lead.trim().split(/\s+/).filter(Boolean).length > MAX_BY_GAP_WORDS) continue;
    return a;
  }
  return null;
}

/** True when the words before the mention make it an object (of a verb or a preposition), not a subject. */
export function isObject(text: string, sentence: Span, mention: Span): boolean {
  return OBJECT_BEFORE.test(text.slice(Math.max(sentence.start, mention.start - 60), mention.start));
}

/**
 * After an unnamed subject, the words that name who it is: "rebels with links to the Islamic
 * State group", "gunmen belonging to X", "militants (suspected TTP)".
 */
const NAMES_UNNAMED = /^[\s,]*(?:(?:believed|thought|suspected|presumed|assumed|said|reported|alleged)\s+to\s+be(?:\s+(?:members?\s+of|from))?|suspected\s+(?:of\s+being\s+)?|(?:possibly|likely|allegedly|reportedly)\s+(?:from\s+)?|(?:comprised|composed|made\s+up|consisting)\s+of|(?:with|having)\s+(?:close\s+)?(?:links?|ties)\s+to|linked\s+to|tied\s+to|affiliated\s+(?:to|with)|loyal\s+to|allied\s+(?:to|with)|aligned\s+with|belonging\s+to|from|of|\(\s*(?:suspected(?:ly)?|believed\s+to\s+be|reportedly|likely|presumably|allegedly)?)\s*(?:the\s+)?$/i;

/** An unnamed subject ("rebels", "gunmen") gives way to the group the next words name it by. */
function named(text: string, subject: ActorMention, mentions: ActorMention[], isArmed: ArmedTest): ActorMention {
  if (!subject.resolvedInContext && !subject.actor.name.startsWith('Unidentified')) return subject;
  if (!subject.actor.name.startsWith('Unidentified') && subject.rule !== 'actors/anaphor-fallback') return subject;
  const next = mentions.find((m) => m.start >= subject.end && m.start - subject.end <= 40 && isArmed(m));
  return next && !next.actor.name.startsWith('Unidentified') && NAMES_UNNAMED.test(text.slice(subject.end, next.start)) ? next : subject;
}

/** The armed subject before `at`: the nearest armed mention that is not an object of an earlier verb. */
function subjectBefore(input: PartiesInput, mentions: ActorMention[], at: number, from: number): { subject: ActorMention | null; object: ActorMention | null } {
  const candidates = mentions.filter((a) => a.start < at && a.start >= from && input.isArmed(a) && !isHolder(input.text, a)).sort(byStart).reverse();
  let object: ActorMention | null = null;
  for (const a of candidates) {
    // "police torture", "a Taliban attack", "the government's full recapture": the actor names the
    // act's doer. Not when the act's word is a phrase of its own ("troops with mines").
    const nominal = !/^(?:with|by|in|on|at|against|for|from|into|near|using)\b/i.test(input.text.slice(at, at + 10));
    const adjacent = nominal && /^(?:[\s-]*|['’]s?(?:\s+[\p{Ll}-]+)?\s+)$/u.test(input.text.slice(a.end, at)) && a === candidates[0];
    if (!adjacent && isObject(input.text, input.sentence, a)) {
      // Only the object of a violent verb is the act's target ("targeted LNA positions with artillery").
      if (OBJECT_OF_VIOLENCE.test(input.text.slice(Math.max(input.sentence.start, a.start - 40), a.start))) object ??= a;
      continue;
    }
    return { subject: named(input.text, a, mentions, input.isArmed), object };
  }
  return { subject: null, object };
}

/** Walks back from the agent over actors joined to it by "and": the first of them leads. */
function leadOfSubject(text: string, sentence: Span, mentions: ActorMention[], agent: ActorMention, isArmed: ArmedTest): { lead: ActorMention; partners: ActorMention[] } {
  const ordered = mentions.filter((a) => a.start < agent.start && isArmed(a)).sort(byStart);
  const group = [agent];
  let current = agent;
  // A list "X, Y and Z": once an "and" joined two, a comma joins the earlier ones.
  let listed = /^\s*,?\s*(?:and|&)\s+\S/.test(text.slice(agent.end, agent.end + 12));
  for (let i = ordered.length - 1; i >= 0; i--) {
    const previous = ordered[i] as ActorMention;
    const gap = text.slice(previous.end, current.start);
    const overlaps = previous.end > current.start;
    const joined = JOINED.test(gap) || (listed && /^\s*,\s*$/.test(gap));
    if (!overlaps && (!joined || isObject(text, sentence, previous))) break;
    if (JOINED.test(gap)) listed = true;
    group.unshift(previous);
    current = previous;
  }
  const unique = group.filter((m, i) => group.findIndex((x) => x.actor.name === m.actor.name) === i);
  return { lead: unique[0] as ActorMention, partners: unique.slice(1) };
}

function isObjectOf(text: string, trigger: Span, mention: Span): boolean {
  const gapText = text.slice(trigger.end, mention.start);
  if (/[,;:.!?]/.test(gapText) || /\b(?:after|before|when|while|by|and|said|says|since)\b/i.test(gapText)) return false;
  // "on a crowd of about 300 people": quantities and collective nouns do not distance the object.
  const words = gapText
    .replace(/\b(?:about|around|some|at least|more than|nearly|almost|over|dozens|scores|hundreds|thousands|crowds?|groups?|number|\d[\d,]*)\b/gi, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words.length <= 5;
}

export function uniqueByName(list: ActorMention[]): ActorMention[] {
  const seen = new Set<string>();
  return list.filter((a) => (seen.has(a.actor.name) ? false : (seen.add(a.actor.name), true)));
}

/** The subject of a passive word of the act: "soldiers were killed" (one trigger), or "soldiers ... were killed". */
function passiveSubject(input: PartiesInput, t: TriggerMention): ActorMention | undefined {
  const { text, actors } = input;
  // "soldiers were killed" as one trigger: the actor inside it, before its passive verb.
  const verb = PASSIVE_INSIDE.exec(text.slice(t.start, t.end));
  if (verb) return actors.find((a) => a.end > t.start && a.start < t.start + verb.index);
  if (!isPassive(input, t)) return undefined;
  for (let i = actors.length - 1; i >= 0; i--) {
    const a = actors[i]!;
    if (a.end <= t.start && a.start >= input.sentence.start && PASSIVE_SUBJECT_GAP.test(text.slice(a.end, t.start))) return a;
  }
  return undefined;
}

export function partiesOf(input: PartiesInput): Parties {
  const { text, frame, actors, isArmed } = input;
  const trigger = frame.main;
  // A seized or defused weapon's "planted by X" names whose weapon it was, not who seized it.
  const triggers = frame.subEventType === 'Disrupted weapons use' ? [trigger] : [...frame.triggers].sort(byStart);
  const backers = actors.filter(
    (a) => /^\s*-?\s*backed\b/i.test(text.slice(a.end, a.end + 8)) || /\b(?:backed|supported|aided|assisted)\s+by\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, a.start - 25), a.start)),
  );
  // "Twelve American troops were killed when a suicide bomber struck": the subject of a passive
  // word of the act is its victim, whichever word decides the sub-type; it never does the act.
  const victims: ActorMention[] = [];
  for (const t of triggers) {
    if (t === trigger) continue;
    const victim = passiveSubject(input, t);
    if (victim) victims.push(victim);
  }
  const main = actors.filter((a) => !backers.includes(a) && !victims.includes(a));
  const passive = isPassive(input, trigger);
  // "by" after a word of another act told in passing ("regions taken over by X" beside a recapture) names that act's doer.
  const sameAct = triggers.filter((t) => t === trigger || t.subEventType === frame.subEventType || t.hints.includes('generic-violence'));
  let agent: ActorMention | null = adjacentBy(text, sameAct, main);
  const byPhrase = agent !== null;
  if (agent) agent = named(text, agent, main, isArmed);
  let target: ActorMention | null = null;
  let partners: ActorMention[] = [];
  let objectBefore: ActorMention | null = null;
  if (!agent && !passive) {
    const found = subjectBefore(input, main, trigger.start, input.sentence.start);
    agent = found.subject;
    objectBefore = found.object;
  }
  if (!agent) {
    // "Two soldiers were killed when militants attacked": the subject of a later, active trigger.
    for (const t of triggers) {
      if (t === trigger || t.start < trigger.end || isPassive(input, t)) continue;
      // Only a word for the same act: "soldiers returned fire" after a bombing is another act.
      if (t.eventType !== frame.eventType && !t.hints.includes('generic-violence')) continue;
      const found = subjectBefore(input, main, t.start, trigger.end);
      // The subject stands right before its verb: "when militants attacked", "Israeli forces shot";
      // not an earlier act the clause dates this one by ("regained after the rebel assault").
      const link = found.subject ? text.slice(trigger.end, found.subject.start) : '';
      if (found.subject && VERB_FOLLOWS.test(text.slice(found.subject.end, t.start)) && !EARLIER_ACT.test(link)) {
        agent = found.subject;
        break;
      }
    }
  }
  const loose = agent ? null : looseBy(input, triggers, main);
  agent ??= loose;
  // A "by" agent is not coordinated with what stands before it.
  if (agent && !byPhrase && !loose) {
    const joined = leadOfSubject(text, input.sentence, main, agent, isArmed);
    if (joined.lead !== agent) {
      partners = joined.partners.filter((p) => p.actor.name !== joined.lead.actor.name);
      agent = joined.lead;
    }
  }
  const before = main.filter((a) => a.end <= trigger.start);
  // Also an actor inside a long trigger ("killed 20 Boko Haram fighters"), past its first word.
  const after = main.filter((a) => a.start > trigger.start && a !== agent);
  // The subject of a passive act is its target when it stands close before it: "two soldiers were killed",
  // not "the army staged a counterattack ... and ground was regained".
  if (passive && !adjacentBy(text, [trigger], main)) {
    const subject = [...before].reverse().find((a) => a !== agent);
    if (subject && PASSIVE_SUBJECT_GAP.test(text.slice(subject.end, trigger.start))) target = subject;
  }
  // The object of the act: named within a few words after it (or after another word for it), in the same clause.
  if (!target) target = after.find((a) => a.actor.name !== agent?.actor.name && isObjectOf(text, trigger, a)) ?? null;
  if (!target) {
    for (const t of sameAct) {
      if (t === trigger) continue;
      target = main.find((a) => a.start > t.start && a !== agent && a.actor.name !== agent?.actor.name && isObjectOf(text, t, a)) ?? null;
      if (target) break;
    }
  }
  if (!target && objectBefore && objectBefore.actor.name !== agent?.actor.name) target = objectBefore;
  if (!target && victims[0] && victims[0].actor.name !== agent?.actor.name) target = victims[0];
  if (!agent && !passive) agent = after.find((a) => isArmed(a) && a !== target && /\bbetween\s+$/i.test(text.slice(trigger.end, a.start))) ?? null;
  const sides = uniqueByName(main.filter(isArmed).sort(byStart));
  return { agent, partners, target, sides, backers, passive };
}
