/**
 * Who the article says is behind its attack: "Al-Shabab claimed responsibility", "officials
 * blamed the attack on Jaish-e-Mohammed", "the Islamic State group is suspected", or the party
 * that denies it ("the government denied carrying out any chemical attack"). Reports often
 * tell the blast first and name the group paragraphs later; this gives events whose sentence
 * names no perpetrator the one the article attributes.
 */
import type { ActorEntry, Doc } from '../types.js';
import { within } from './context.js';

const CLAIM = /\bclaim(?:ed|s)?\s+(?:the\s+)?(?:responsibility|the\s+(?:attack|bombing|blast|killing))|\btook\s+responsibility|\bblam(?:ed|es|ing)\b|\b(?:is|are|was|were)\s+suspected\b|\bsuspected\s+of\b|\bbelieved\s+to\s+be\s+behind|\bwas\s+behind\b|\bwere\s+behind\b|\bresponsible\s+for\b/i;
const STRONG = /\bclaim(?:ed|s)?\s+(?:the\s+)?responsibility|\btook\s+responsibility/i;

/** "The Syrian government denied carrying out any chemical attack": the accused party, whom ACLED codes. */
const DENIAL = /\bden(?:y|ies|ied|ying)\s+(?:carrying\s+out|involvement|responsibility|launching|firing|targeting|using|any\s+role|that\s+(?:it|its))/i;

const nonState = (a: ActorEntry): boolean => a.kind === 'rebel' || a.kind === 'political-militia' || a.kind === 'identity-militia';
const accusable = (a: ActorEntry): boolean => nonState(a) || a.kind === 'state' || a.kind === 'external';

export function claimantOf(doc: Doc): ActorEntry | null {
  let weak: ActorEntry | null = null;
  let denied: ActorEntry | null = null;
  for (const sentence of doc.sentences) {
    if (sentence.headline) continue;
    const text = doc.text.slice(sentence.start, sentence.end);
    if (DENIAL.test(text)) {
      denied ??= within(doc.actors, sentence).find((m) => accusable(m.actor))?.actor ?? null;
      continue;
    }
    if (!CLAIM.test(text)) continue;
    const group = within(doc.actors, sentence).find((m) => nonState(m.actor))?.actor;
    if (!group) continue;
    if (STRONG.test(text)) return group;
    weak ??= group;
  }
  return denied ?? weak;
}
