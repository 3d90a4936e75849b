/**
 * Who did it to whom, in ACLED's terms. `parties.ts` reads the doer and the done-to from the
 * words of the clause; this module applies ACLED's conventions to them:
 *
 * - civilian victims of an attack are `Civilians (<country>)`, an unnamed attacker is an
 *   `Unidentified Armed Group (<country>)`, protesters are `Protesters (<country>)`;
 * - a government does not fight: in a battle its side is its military;
 * - the other side of a battle the sentence does not name is the armed actor the text was just
 *   about (the group that held a town the army retook), never the actor's own state;
 * - people arrested at a riot or a protest are rioters or protesters;
 * - a crowd that beats or kills someone is a mob (rioters) and its victims are civilians.
 */
import type { ActorEntry, ActorKind, ActorMention, Reason, Span } from '../types.js';
import type { Frame } from './frames.js';
import { isHolder, isObject, partiesOf, uniqueByName } from './parties.js';

export type Role = 'civilians' | 'protesters' | 'rioters' | 'unidentified';

/**
 * Builds ACLED role actors for a country (name, and ISO3 when known); injected from the actor
 * dictionary, which reads `text` for what the role is called there (an unidentified gang).
 */
export type RoleActorFn = (role: Role, country: string, iso3?: string | null, text?: string) => ActorEntry;

const ARMED: ReadonlySet<ActorKind> = new Set(['state', 'rebel', 'political-militia', 'identity-militia', 'external']);
export const isArmed = (a: ActorEntry | null | undefined): boolean => !!a && ARMED.has(a.kind);
const isCivilian = (a: ActorEntry | null | undefined): boolean => !!a && (a.kind === 'civilians' || a.kind === 'identity');
const isCrowd = (a: ActorEntry | null | undefined): boolean => !!a && (a.kind === 'rioters' || a.kind === 'protesters');
const isGovernment = (a: ActorEntry | null | undefined): boolean => !!a && a.kind === 'state' && /^Government of /.test(a.name);

export interface RoleInput {
  frame: Frame;
  text: string;
  sentence: Span;
  /** Actor mentions inside the clause, in text order. */
  actors: ActorMention[];
  /** ACLED country name of the event's place, for role actors, and its ISO3 code. */
  country: string | null;
  iso3?: string | null;
  /** The armed actor the surrounding text is about, when the sentence names none. */
  contextAgent: ActorEntry | null;
  /** True when the clause counts people killed or hurt. */
  victims: boolean;
  /** A second armed actor from context, for two-sided events. */
  contextOpponent: ActorEntry | null;
  roleActor: RoleActorFn;
  /** A country's military, to stand for its government in a fight. */
  militaryOf?: (iso3: string) => ActorEntry | null;
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

/** The identity group named alongside civilian victims ("Druze women"), as an associated actor. */
function identityOf(actors: ActorMention[]): ActorEntry | null {
  return actors.find((a) => a.actor.kind === 'identity')?.actor ?? null;
}

/** Words for a crowd rather than an armed group. */
const CROWD =
  /\b(?:supporters|members|residents|villagers|youths?|students|families|tribes(?:men)?|clans?|communities|locals|mobs?|groups? of (?:people|men|youths)|cadres|activists|workers|relatives|individuals|neighbou?rs|farmers|herders|traders|vendors|drivers|fans)\b/i;
/** Weapons and words of war: with them a fight between unnamed men is an armed clash, not a brawl. */
const FIREARMS =
  /\b(?:guns?|gunfire|gunshots?|gunmen|shot|shots|shoot(?:ing|out)?|fired|firing|fire exchange|exchange of fire|rifles?|firearms?|weapons?|armed|bullets?|grenades?|explosives?|ambush(?:ed)?|mortars?|rockets?|artillery|militants?|militias?|fighters|rebels|insurgents|forces|troops|soldiers|battles?|combat|offensive|assaults?|counter-?attacks?|front ?lines?|war)\b/i;
/** Harm done to a person's body, as a crowd does it: "beat to death", "lynched", "stabbed". */
const HARM_TO_PERSON =
  /\b(?:beat(?:en|ing)?|lynch(?:ed|ing)?|stab(?:bed|bing)?|hack(?:ed|ing)? to death|stoned|burn(?:ed|t) (?:alive|to death)|to death|tortur(?:ed|ing)|assault(?:ed|ing)|kill(?:ed|ing)|murder(?:ed|ing)|injur(?:ed|ing)|wound(?:ed|ing)|thrash(?:ed|ing)|whipp(?:ed|ing)|flogg(?:ed|ing)|manhandl(?:ed|ing))\b/i;
/** Reciprocal acts: both sides fight ("clashed", "fought", "exchanged fire"). */
const RECIPROCAL = /\b(?:clash(?:ed|es|ing)?|fought|fight(?:ing|s)?|exchang(?:ed|ing) (?:fire|gunfire|shots)|battl(?:ed|es|ing)|skirmish(?:ed|es)?|brawl(?:ed|s)?|scuffl(?:ed|es))\b/i;
/**
 * "X repelled an attack by Y", "X thwarted a Y attack", "X repulsed their assault": ACLED's
 * actor1 is who started the fight, so Y leads and X answers.
 */
const REPELLED = /\b(?:repel(?:led|s)?|repuls(?:ed|es)|thwart(?:ed|s)?|foil(?:ed|s)?|fought off|beat back|pushed back|fended off|warded off)\b/i;

/**
 * A force acting on a crowd: "police fired tear gas", "troops dispersed them", "police later clashed with".
 * The lookahead changes nothing (every verb starts with a letter); it cuts V8's compile of the pattern threefold.
 */
const CONFRONTS =
  /^\s+(?:(?:had|have|has|then|later|also|reportedly|allegedly|quickly|eventually|were|was)\s+){0,2}(?=[a-z])(?:fired|fire|used|dispersed|disperse|clashed|charged|intervened|lobbed|shot|opened fire|beat|baton|tear ?gassed|responded|cracked down|broke up|pushed back)\b/i;

/** A government as a side of a fight is its military (ACLED codes the forces). */
function fighting(actor: ActorEntry | null, input: RoleInput): ActorEntry | null {
  if (!actor || !isGovernment(actor) || !actor.iso3 || !input.militaryOf) return actor;
  return input.militaryOf(actor.iso3) ?? actor;
}

const sameState = (a: ActorEntry, b: ActorEntry): boolean => a.kind === 'state' && b.kind === 'state' && !!a.iso3 && a.iso3 === b.iso3;

/** The other side from context: the armed actor last named that is not the agent, nor the agent's own state. */
function opponentFromContext(input: RoleInput, actor1: ActorEntry | null): ActorEntry | null {
  for (const candidate of [input.contextAgent, input.contextOpponent]) {
    const side = fighting(candidate, input);
    if (!side || (actor1 && (side.name === actor1.name || sameState(side, actor1)))) continue;
    return side;
  }
  return null;
}

/** The clause around the frame: from its first actor or trigger to the sentence's end. */
function clauseOf(input: RoleInput): Span {
  const first = Math.min(input.actors[0]?.start ?? Infinity, ...input.frame.triggers.map((t) => t.start), input.frame.main.start);
  return { start: Math.max(input.sentence.start, first - 60), end: input.sentence.end };
}

function clauseText(input: RoleInput): string {
  const clause = clauseOf(input);
  return input.text.slice(clause.start, clause.end);
}

/** What a crowd does with its hands: beating, lynching, stoning, setting on fire (not shooting). */
const CROWD_VIOLENCE =
  /\b(?:beat|beats|beaten|beating|lynch(?:ed|es|ing)?|assault(?:ed|s|ing)?|attack(?:ed|s|ing)?|stoned|stoning|thrash(?:ed|ing)|manhandl(?:ed|ing)|hack(?:ed|ing)|set (?:on )?fire|torch(?:ed|ing)|burn(?:ed|t|ing)|kill(?:ed|ing)|stabb(?:ed|ing)|injur(?:ed|ing)|whipp(?:ed|ing)|flogg(?:ed|ing)|vandali[sz](?:ed|ing)|ransack(?:ed|ing))\b/i;
/** A collective or plural subject: "villagers", "a group of residents", "locals" (not "a man"). */
const COLLECTIVE = /(?:s|people|crowd|mob|youth|group|community|folk)$/i;
/** Before a victim the crowd caught first: "captured a man accused of theft and beat him". */
const SEIZED = /\b(?:captured|caught|seized|grabbed|dragged|tied|apprehended|cornered|chased|surrounded|stopped|held)\s+(?:\S+\s+){0,2}$/i;

function isCollective(input: RoleInput, m: ActorMention): boolean {
  if (isCrowd(m.actor)) return true;
  if (!isCivilian(m.actor)) return false;
  const surface = input.text.slice(m.start, m.end);
  return !/^(?:a|an|one|the)\s+(?!group|crowd|mob)/i.test(surface) && COLLECTIVE.test(surface);
}

/**
 * "Villagers beat and killed a suspected thief", "residents of the district captured a man and
 * beat him", "a teenager was beaten up by a group of people": a crowd, no armed group, did the
 * violence with its hands: ACLED's mob violence (rioters). The crowd is the clause's first actor,
 * acting (not acted on), and a hands-on word of violence follows it in the same clause; or the
 * crowd is named by "by".
 */
function crowdActs(input: RoleInput, byAgent: ActorMention | null): boolean {
  if (byAgent) return isCollective(input, byAgent);
  const subject = input.actors[0];
  const firstAct = Math.min(...input.frame.triggers.map((t) => t.start));
  if (!subject || subject.end > firstAct || !isCollective(input, subject)) return false;
  if (isObject(input.text, input.sentence, subject)) return false;
  const tail = input.text.slice(subject.end, Math.min(input.sentence.end, subject.end + 160)).split(/[.;:!?]/)[0] ?? '';
  const verb = CROWD_VIOLENCE.exec(tail);
  if (!verb) return false;
  const before = tail.slice(0, verb.index);
  // Acted on ("residents were attacked"), or said to ("residents said ... attacked").
  if (/\b(?:were|was|are|is|been|being|said|say|says|told|reported|feared)\b/i.test(before)) return false;
  // Another person named before the verb is a victim the crowd caught first, or the sentence is about someone else.
  const between = input.actors.filter((m) => m.start >= subject.end && m.start < subject.end + verb.index);
  return between.every((m) => SEIZED.test(input.text.slice(Math.max(subject.end, m.start - 40), m.start)));
}

/**
 * The ACLED role actor for the event's country ("Civilians (Nigeria)"), or null when the event
 * has no country yet. The dictionary reads the sentence for what the role is called there.
 */
function roleActorOf(input: RoleInput, r: Role): ActorEntry | null {
  return input.country ? input.roleActor(r, input.country, input.iso3 ?? null, input.text.slice(input.sentence.start, input.sentence.end)) : null;
}

/** A crowd's brawl: rioters, and the act is mob violence. */
function crowdRoles(input: RoleInput, why: Reason[]): Roles {
  return { actor1: roleActorOf(input, 'rioters'), actor2: null, assoc1: null, assoc2: null, agentNamed: false, stateActs: false, namedTarget: null, refinedTo: 'Mob violence', why };
}

/** Parties test armed actors by their dictionary kind. */
const armedMention = (m: ActorMention): boolean => isArmed(m.actor);

export function assignRoles(input: RoleInput): Roles {
  const parties = partiesOf({ text: input.text, sentence: input.sentence, frame: input.frame, actors: input.actors, isArmed: armedMention });
  const { frame } = input;
  const why: Reason[] = [];
  const agent = parties.agent?.actor ?? null;
  const target = parties.target?.actor ?? null;
  const partner = parties.partners[0]?.actor ?? null;
  let assoc1 = parties.backers[0]?.actor ?? null;
  let actor1: ActorEntry | null = agent;
  let actor2: ActorEntry | null = target;
  let assoc2: ActorEntry | null = null;
  let agentNamed = !!parties.agent;
  if (parties.agent) why.push({ field: 'actor1', rule: 'roles:agent-in-sentence', span: parties.agent });
  if (parties.target) why.push({ field: 'actor2', rule: 'roles:target-in-sentence', span: parties.target });

  switch (frame.eventType) {
    case 'Battles': {
      const sides: ActorEntry[] = [];
      for (const m of parties.sides) sides.push(fighting(m.actor, input) as ActorEntry);
      if (sides.length === 0 && !isArmed(agent) && !isArmed(target) && !input.contextAgent) {
        // "members of two rival parties clashed": no armed actor on either side. A crowd's
        // fight is mob violence; fighting with guns between unnamed men is a clash of unidentified groups.
        const sentence = input.text.slice(input.sentence.start, input.sentence.end);
        if (CROWD.test(sentence) || !FIREARMS.test(sentence)) return crowdRoles(input, why);
        actor1 = roleActorOf(input, 'unidentified');
        actor2 = roleActorOf(input, 'unidentified');
        break;
      }
      const armedTarget = isArmed(target) ? fighting(target, input) : null;
      // "A police officer was shot by a man", "soldiers were attacked": the side named is the one
      // attacked; the attacker is the other side the text was about, else an unidentified group.
      const attacked = !isArmed(agent) && parties.passive && armedTarget && parties.sides.length === 1;
      actor1 = agent && isArmed(agent)
        ? fighting(agent, input)
        : attacked
          ? (opponentFromContext(input, armedTarget) ?? roleActorOf(input, 'unidentified'))
          : (sides[0] ?? fighting(input.contextAgent, input));
      const others = sides.filter((s) => s.name !== actor1?.name);
      actor2 = (armedTarget && armedTarget.name !== actor1?.name ? armedTarget : null) ?? fighting(partner, input) ?? others[0] ?? null;
      if (partner && actor2 !== null && actor2.name !== partner.name && !assoc1) assoc1 = fighting(partner, input);
      if (!actor2) actor2 = opponentFromContext(input, actor1);
      // "Afghan forces repulsed their attack": the side that attacked is actor1.
      const clause = clauseOf(input);
      const repel = REPELLED.exec(input.text.slice(clause.start, clause.end));
      if (repel && actor1 && actor2 && parties.agent && parties.agent.end <= clause.start + repel.index) [actor1, actor2] = [actor2, actor1];
      break;
    }
    case 'Violence against civilians': {
      // "Residents beat a suspected thief": a crowd, not an armed group, did it.
      if (!isArmed(agent) && !input.actors.some((m) => isArmed(m.actor)) && crowdActs(input, agent ? parties.agent : null)) {
        return { actor1: roleActorOf(input, 'rioters'), actor2: roleActorOf(input, 'civilians'), assoc1: null, assoc2: null, agentNamed: false, stateActs: false, namedTarget: target, refinedTo: 'Mob violence', why };
      }
      if (!isArmed(actor1)) {
        actor1 = input.contextAgent ?? roleActorOf(input, 'unidentified');
        agentNamed = false;
      } else if (partner) assoc1 ??= partner;
      if (!isCivilian(actor2)) actor2 = roleActorOf(input, 'civilians');
      else if (actor2?.kind === 'identity') {
        assoc2 = actor2;
        actor2 = roleActorOf(input, 'civilians');
      }
      assoc2 = assoc2 ?? identityOf(input.actors);
      break;
    }
    case 'Explosions/Remote violence': {
      if (!isArmed(actor1)) {
        actor1 = input.contextAgent ?? roleActorOf(input, 'unidentified');
        agentNamed = false;
      } else if (partner) assoc1 ??= partner;
      if (actor2?.kind === 'identity') {
        assoc2 = actor2;
        actor2 = roleActorOf(input, 'civilians');
      }
      // People killed or hurt by a blast no armed target is named for are civilians (ACLED).
      if (!actor2 && input.victims) actor2 = roleActorOf(input, 'civilians');
      break;
    }
    case 'Protests': {
      actor1 = roleActorOf(input, 'protesters');
      const force = [agent, target].find((a) => a?.kind === 'state') ?? null;
      actor2 = frame.subEventType === 'Peaceful protest' && !frame.violent ? null : force;
      assoc1 = identityOf(input.actors);
      break;
    }
    case 'Riots': {
      actor1 = roleActorOf(input, 'rioters');
      actor2 = target && !isCrowd(target) ? target : null;
      if (actor2 === null && frame.subEventType === 'Violent demonstration') {
        // The force that confronted the rioters ("police fired tear gas at stone-throwing youths").
        actor2 = input.actors.find((m) => m.actor.kind === 'state' && !isGovernment(m.actor) && CONFRONTS.test(input.text.slice(m.end, m.end + 40)))?.actor ?? null;
      }
      if (actor2 === null && frame.subEventType === 'Mob violence') {
        const text = clauseText(input);
        // Two crowds fighting each other: rioters on both sides.
        if (RECIPROCAL.test(input.text.slice(frame.main.start, frame.main.end)) || frame.main.eventType === 'Battles') actor2 = roleActorOf(input, 'rioters');
        // A mob that beats or kills someone: its victims are civilians.
        else if (input.victims || HARM_TO_PERSON.test(text)) actor2 = roleActorOf(input, 'civilians');
      }
      break;
    }
    case 'Strategic developments': {
      if (frame.subEventType === 'Agreement') {
        // The parties to a deal: the first two different parties named, governments included.
        const parties2 = uniqueByName(input.actors.filter((m) => m.actor.kind !== 'civilians' && m.actor.kind !== 'identity' && !isHolder(input.text, m)));
        actor1 = parties2[0]?.actor ?? actor1 ?? input.contextAgent;
        actor2 = parties2.find((m) => m.actor.name !== actor1?.name)?.actor ?? input.contextOpponent;
        break;
      }
      if (frame.subEventType === 'Arrests') {
        // Authorities arrest through their police; a named force ("military and police forces") arrests itself.
        const police = input.actors.find((m) => m.actor.kind === 'state' && /^Police Forces/.test(m.actor.name));
        if (police && (!actor1 || isGovernment(actor1))) actor1 = police.actor;
        // People arrested over a riot are rioters, at a protest protesters (ACLED names them so).
        if (!actor2 || actor2.kind === 'civilians') {
          const crowd = input.actors.find((m) => isCrowd(m.actor));
          if (crowd) actor2 = crowd.actor;
        }
      }
      if (actor1 && partner && partner.name !== actor1.name) assoc1 ??= partner;
      // Looting, burning, interceptions: the named doer, else who the text is about, else unidentified.
      if (!actor1) actor1 = input.contextAgent ?? input.actors[0]?.actor ?? roleActorOf(input, 'unidentified');
      break;
    }
  }
  if (actor1 && actor2 && actor1.name === actor2.name && frame.subEventType !== 'Armed clash' && frame.subEventType !== 'Mob violence') actor2 = null;
  return { actor1, actor2, assoc1, assoc2, agentNamed, stateActs: parties.agent?.actor.kind === 'state', namedTarget: target, why };
}
