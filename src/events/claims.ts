/**
 * Who the article says is behind its attack: "Al-Shabab claimed responsibility", "officials
 * blamed the attack on Jaish-e-Mohammed", "the Islamic State group is suspected". Reports often
 * tell the blast first and name the group paragraphs later; this gives events whose sentence
 * names no perpetrator the one the article attributes.
 */
import type { ActorEntry, Doc } from '../types.js';
import { within } from './context.js';

const CLAIM = /\bclaim(?:ed|s)?\s+(?:the\s+)?(?:responsibility|the\s+(?:attack|bombing|blast|killing))|\btook\s+responsibility|\bblam(?:ed|es|ing)\b|\bsuspected\b|\bbelieved\s+to\s+be\s+behind|\bwas\s+behind\b|\bwere\s+behind\b|\bresponsible\s+for\b/i;
const STRONG = /\bclaim(?:ed|s)?\s+(?:the\s+)?responsibility|\btook\s+responsibility/i;

const nonState = (a: ActorEntry): boolean => a.kind === 'rebel' || a.kind === 'political-militia' || a.kind === 'identity-militia';

export function claimantOf(doc: Doc): ActorEntry | null {
  let weak: ActorEntry | null = null;
  for (const sentence of doc.sentences) {
    if (sentence.headline) continue;
    const text = doc.text.slice(sentence.start, sentence.end);
    if (!CLAIM.test(text)) continue;
    const group = within(doc.actors, sentence).find((m) => nonState(m.actor))?.actor;
    if (!group) continue;
    if (STRONG.test(text)) return group;
    weak ??= group;
  }
  return weak;
}
