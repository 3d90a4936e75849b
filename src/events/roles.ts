/**
 * Who did it to whom. Reads the actor mentions of a sentence around the frame's trigger:
 * the agent is the armed actor named before the trigger ("IS abducted ...") or after "by"
 * ("... killed by a Russian missile"); the target comes after the trigger, or before it in a
 * passive clause ("Civilians were killed"). ACLED's conventions then fill what the text leaves
 * unnamed: civilian victims of an attack are `Civilians (<country>)`, an unnamed attacker is an
 * `Unidentified Armed Group (<country>)`, protesters are `Protesters (<country>)`.
 */
import type { ActorEntry, ActorKind, ActorMention, Reason, Span } from '../types.js';
import type { Frame } from './frames.js';

export type Role = 'civilians' | 'protesters' | 'rioters' | 'unidentified';

/** Builds ACLED role actors for a country; injected from the actor dictionary. */
export type RoleActorFn = (role: Role, country: string) => ActorEntry;

const ARMED: ReadonlySet<ActorKind> = new Set(['state', 'rebel', 'political-militia', 'identity-militia', 'external']);
export const isArmed = (a: ActorEntry | null | undefined): boolean => !!a && ARMED.has(a.kind);
const isCivilian = (a: ActorEntry | null | undefined): boolean => !!a && (a.kind === 'civilians' || a.kind === 'identity');

export interface RoleInput {
  frame: Frame;
  text: string;
  sentence: Span;
  /** Actor mentions inside the sentence, in text order. */
  actors: ActorMention[];
  /** ACLED country name of the event's place, for role actors. */
  country: string | null;
  /** The armed actor the surrounding text is about, when the sentence names none. */
  contextAgent: ActorEntry | null;
  /** True when the clause counts people killed or hurt. */
  victims: boolean;
  /** A second armed actor from context, for two-sided events. */
  contextOpponent: ActorEntry | null;
  roleActor: RoleActorFn;
}

export interface Roles {
  actor1: ActorEntry | null;
  actor2: ActorEntry | null;
  assoc1: ActorEntry | null;
  assoc2: ActorEntry | null;
  /** Evidence that the agent was named in the sentence itself. */
  agentNamed: boolean;
  /** True when the named agent is a state force (it fired, dispersed, arrested). */
  stateActs: boolean;
  /** The target as the text names it, before ACLED's conventions fill roles (e.g. police officers shot at). */
  namedTarget: ActorEntry | null;
  /** Set when the parties show the act is another sub-type than the trigger said (a crowd's brawl). */
  refinedTo?: 'Mob violence';
  why: Reason[];
}

interface Parties {
  agent: ActorMention | null;
  target: ActorMention | null;
  /** "between X and Y", "X and Y clashed": both sides of a two-sided event. */
  sides: ActorMention[];
  backers: ActorMention[];
}

function partiesOf(input: RoleInput): Parties {
  const { text, frame, actors } = input;
  const trigger = frame.main;
  // "Russian-backed regime forces", "troops, backed by U.S. special forces": supporters, not sides.
  const backers = actors.filter(
    (a) => /^\s*-?\s*backed\b/i.test(text.slice(a.end, a.end + 8)) || /\b(?:backed|supported|aided|assisted)\s+by\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, a.start - 25), a.start)),
  );
  const main = actors.filter((a) => !backers.includes(a));
  // "killed by gunmen", "a strike by Russian forces": the agent. Not "a hospital run by MSF".
  const byAgent = main.find((a) => a.start >= trigger.end && /^[\s,]*(?:(?:was|were|been|carried\s+out|launched|conducted|fired)\s+)?by\s+(?:the\s+)?$/i.test(text.slice(trigger.end, a.start)));
  const before = main.filter((a) => a.end <= trigger.start);
  const after = main.filter((a) => a.start >= trigger.end && a !== byAgent);
  const passive = /\b(was|were|been|being|is|are)\s+(\w+\s+)?$/i.test(text.slice(Math.max(input.sentence.start, trigger.start - 25), trigger.start));
  const armedBefore = [...before].reverse().find((a) => isArmed(a.actor));
  let agent: ActorMention | null = byAgent ?? null;
  let target: ActorMention | null = null;
  if (!agent && !passive) agent = armedBefore ?? null;
  if (passive && !byAgent) target = [...before].reverse()[0] ?? null;
  // The object of the act: named within a few words after it, in the same clause.
  if (!target) target = after.find((a) => a.actor.name !== agent?.actor.name && isObjectOf(text, trigger, a)) ?? null;
  if (!agent && !passive) agent = after.find((a) => isArmed(a.actor) && a !== target && /\bbetween\s+$/i.test(text.slice(trigger.end, a.start))) ?? null;
  const sides = uniqueByName(main.filter((a) => isArmed(a.actor)));
  return { agent, target, sides, backers };
}

function isObjectOf(text: string, trigger: Span, mention: Span): boolean {
  const gapText = text.slice(trigger.end, mention.start);
  return !/[,;:.!?]/.test(gapText) && gapText.trim().split(/\s+/).filter(Boolean).length <= 5;
}

function uniqueByName(list: ActorMention[]): ActorMention[] {
  const seen = new Set<string>();
  return list.filter((a) => (seen.has(a.actor.name) ? false : (seen.add(a.actor.name), true)));
}

/** The identity group named alongside civilian victims ("Druze women"), as an associated actor. */
function identityOf(actors: ActorMention[]): ActorEntry | null {
  return actors.find((a) => a.actor.kind === 'identity')?.actor ?? null;
}

/** Words for a crowd rather than an armed group. */
const CROWD = /\b(?:supporters|members|residents|villagers|youths?|students|families|tribes(?:men)?|clans?|communities|locals|mobs?|groups? of (?:people|men|youths))\b/i;

function crowdRoles(role: (r: Role) => ActorEntry | null): Omit<Roles, 'why'> & { refinedTo: 'Mob violence' } {
  return { actor1: role('rioters'), actor2: null, assoc1: null, assoc2: null, agentNamed: false, stateActs: false, namedTarget: null, refinedTo: 'Mob violence' };
}

export function assignRoles(input: RoleInput): Roles {
  const parties = partiesOf(input);
  const { frame, country, roleActor } = input;
  const why: Reason[] = [];
  const role = (r: Role): ActorEntry | null => (country ? roleActor(r, country) : null);
  const agent = parties.agent?.actor ?? null;
  const target = parties.target?.actor ?? null;
  let assoc1 = parties.backers[0]?.actor ?? null;
  let actor1: ActorEntry | null = agent;
  let actor2: ActorEntry | null = target;
  let assoc2: ActorEntry | null = null;
  if (parties.agent) why.push({ field: 'actor1', rule: 'roles:agent-in-sentence', span: parties.agent });
  if (parties.target) why.push({ field: 'actor2', rule: 'roles:target-in-sentence', span: parties.target });

  switch (frame.eventType) {
    case 'Battles': {
      const sides = parties.sides.map((m) => m.actor);
      if (sides.length === 0 && !isArmed(agent) && !isArmed(target) && !input.contextAgent) {
        // "members of two rival parties clashed": no armed actor on either side. A crowd's
        // fight is mob violence; fighting between unnamed gunmen is a clash of unidentified groups.
        if (CROWD.test(input.text.slice(input.sentence.start, input.sentence.end))) return { ...crowdRoles(role), why };
        actor1 = role('unidentified');
        actor2 = role('unidentified');
        break;
      }
      actor1 = agent && isArmed(agent) ? agent : (sides[0] ?? input.contextAgent);
      actor2 = sides.find((s) => s.name !== actor1?.name) ?? (isArmed(target) ? target : null);
      if (!actor2) actor2 = input.contextOpponent && input.contextOpponent.name !== actor1?.name ? input.contextOpponent : null;
      break;
    }
    case 'Violence against civilians': {
      if (!isArmed(actor1)) actor1 = input.contextAgent ?? role('unidentified');
      if (!isCivilian(actor2)) actor2 = role('civilians');
      else if (actor2?.kind === 'identity') {
        assoc2 = actor2;
        actor2 = role('civilians');
      }
      assoc2 = assoc2 ?? identityOf(input.actors);
      break;
    }
    case 'Explosions/Remote violence': {
      if (!isArmed(actor1)) actor1 = input.contextAgent ?? role('unidentified');
      if (actor2?.kind === 'identity') {
        assoc2 = actor2;
        actor2 = role('civilians');
      }
      // People killed or hurt by a blast no armed target is named for are civilians (ACLED).
      if (!actor2 && input.victims) actor2 = role('civilians');
      break;
    }
    case 'Protests': {
      actor1 = role('protesters');
      const force = [agent, target].find((a) => a?.kind === 'state') ?? null;
      actor2 = frame.subEventType === 'Peaceful protest' && !frame.violent ? null : force;
      assoc1 = identityOf(input.actors);
      break;
    }
    case 'Riots': {
      actor1 = role('rioters');
      actor2 = target && target.kind !== 'rioters' && target.kind !== 'protesters' ? target : null;
      // People a mob killed or hurt, with no other target named, are civilians (ACLED).
      if (!actor2 && input.victims && frame.subEventType === 'Mob violence') actor2 = role('civilians');
      break;
    }
    case 'Strategic developments': {
      if (frame.subEventType === 'Agreement') {
        // The parties to a deal: the first two different parties named, governments included.
        const parties2 = uniqueByName(input.actors.filter((m) => m.actor.kind !== 'civilians' && m.actor.kind !== 'identity'));
        actor1 = parties2[0]?.actor ?? actor1 ?? input.contextAgent;
        actor2 = parties2.find((m) => m.actor.name !== actor1?.name)?.actor ?? input.contextOpponent;
        break;
      }
      if (frame.subEventType === 'Arrests') {
        const police = input.actors.find((m) => m.actor.kind === 'state' && /^Police Forces/.test(m.actor.name));
        if (police && (!actor1 || actor1.kind === 'state')) actor1 = police.actor;
      }
      // Looting, burning, interceptions: the named doer, else who the text is about, else unidentified.
      if (!actor1) actor1 = input.contextAgent ?? input.actors[0]?.actor ?? role('unidentified');
      break;
    }
  }
  if (actor1 && actor1 === actor2 && frame.subEventType !== 'Armed clash') actor2 = null;
  return { actor1, actor2, assoc1, assoc2, agentNamed: !!parties.agent, stateActs: parties.agent?.actor.kind === 'state', namedTarget: target, why };
}
