/**
 * Measures the trigger lexicon alone, as a bare classifier: the sub-type of a text is the
 * highest-priority trigger in it, or "no event" when there is none or when the winner is hinted
 * not-event, negotiation or threat (the coder would not code those as events).
 * The full coder adds actor and argument rules on top, so these figures are a floor.
 *
 *   node --import tsx scripts/measure-triggers.ts [--errors N] [--class LABEL]
 *   node --import tsx scripts/measure-triggers.ts --explain "Some sentence to inspect."
 *
 * Reads, when present (measurement sets, never copied into the project):
 *   /work/shared/data/case2021/task2-test-with-labels.tsv   CASE 2021 task 2 snippets
 *   /work/shared/data/acled/acledR-2022h1-sample.csv        ACLED notes with sub_event_type
 * and times the stage on a ~3 KB article of our own, 1000 times.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createDoc } from '../src/doc.js';
import type { Doc, TriggerMention } from '../src/types.js';
import { createSegmentStage } from '../src/nlp/index.js';
import { createTriggerStage, loadTriggerLexicon } from '../src/triggers/index.js';
import { parseCsv as parseCsvRecords } from '../src/eval/csv.js';

const parseCsv = (text: string): string[][] => parseCsvRecords(text).map((r) => r.fields);

const CASE_PATH = '/work/shared/data/case2021/task2-test-with-labels.tsv';
const ACLED_PATH = '/work/shared/data/acled/acledR-2022h1-sample.csv';
const NO_EVENT = 'no event';

const CASE_LABELS: Record<string, string> = {
  ARMED_CLASH: 'Armed clash', GOV_REGAINS_TERIT: 'Government regains territory', NON_STATE_ACTOR_OVERTAKES_TER: 'Non-state actor overtakes territory',
  CHEM_WEAP: 'Chemical weapon', AIR_STRIKE: 'Air/drone strike', SUIC_BOMB: 'Suicide bomb', ART_MISS_ATTACK: 'Shelling/artillery/missile attack',
  REM_EXPLOS: 'Remote explosive/landmine/IED', GRENADE: 'Grenade', SEX_VIOL: 'Sexual violence', ATTACK: 'Attack', ABDUCT_DISSAP: 'Abduction/forced disappearance',
  PEACE_PROTEST: 'Peaceful protest', PROTEST_WITH_INTER: 'Protest with intervention', FORCE_AGAINST_PROTEST: 'Excessive force against protesters',
  VIOL_DEMONSTR: 'Violent demonstration', MOB_VIOL: 'Mob violence', AGREEMENT: 'Agreement', ARREST: 'Arrests', CHANGE_TO_GROUP_ACT: 'Change to group/activity',
  DISR_WEAP: 'Disrupted weapons use', HQ_ESTABLISHED: 'Headquarters or base established', PROPERTY_DISTRUCT: 'Looting/property destruction',
  NON_VIOL_TERRIT_TRANSFER: 'Non-violent transfer of territory', OTHER: 'Other',
  // CASE's five classes outside ACLED: right when nothing is found.
  MAN_MADE_DISASTER: NO_EVENT, NATURAL_DISASTER: NO_EVENT, DIPLO: NO_EVENT, ORG_CRIME: NO_EVENT, ATTRIB: NO_EVENT,
};

const NOT_CODED = new Set(['not-event', 'negotiation', 'threat']);

interface Item {
  text: string;
  gold: string;
}

/** Tokens and sentences from the project's own segment stage (wink-nlp), as the pipeline has them. */
const segmentStage = createSegmentStage();

function segment(text: string): Doc {
  return segmentStage.run(createDoc(text));
}

/** The best-priority rule; a winning not-event, negotiation or threat trigger means no event. */
function predict(triggers: readonly TriggerMention[]): string {
  let best: TriggerMention | null = null;
  for (const trigger of triggers) if (!best || trigger.priority > best.priority) best = trigger;
  if (!best || best.hints.some((hint) => NOT_CODED.has(hint))) return NO_EVENT;
  return best.subEventType;
}

/** Closer to the coder, which codes sentence by sentence: the first sentence whose best trigger is codable. */
function predictFirstSentence(doc: Doc): string {
  const triggers = doc.triggers;
  for (const sentence of doc.sentences) {
    const label = predict(triggers.filter((t) => t.start >= sentence.start && t.end <= sentence.end));
    if (label !== NO_EVENT) return label;
  }
  return NO_EVENT;
}

function report(title: string, items: Item[], classify: (text: string) => string, errors: number, only: string | null): void {
  const byGold = new Map<string, Map<string, number>>();
  let right = 0;
  const wrong: Array<{ item: Item; got: string }> = [];
  for (const item of items) {
    const got = classify(item.text);
    if (got === item.gold) right++;
    else wrong.push({ item, got });
    const row = byGold.get(item.gold) ?? new Map<string, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    byGold.set(item.gold, row);
  }
  console.log(`\n== ${title}: accuracy ${(right / items.length).toFixed(3)} (${right}/${items.length})`);
  const rows = [...byGold].sort((a, b) => sum(b[1]) - sum(a[1]));
  for (const [gold, row] of rows) {
    const n = sum(row);
    const ok = row.get(gold) ?? 0;
    const confusions = [...row].filter(([label]) => label !== gold).sort((a, b) => b[1] - a[1]).slice(0, 3);
    const said = confusions.map(([label, count]) => `${label} ${count}`).join('; ');
    console.log(`${gold.padEnd(36)} ${String(n).padStart(5)}  recall ${(ok / n).toFixed(2)}  ${said ? '→ ' + said : ''}`);
  }
  for (const { item, got } of wrong.filter((w) => !only || w.item.gold === only).slice(0, errors)) {
    console.log(`  [${item.gold} → ${got}] ${item.text.slice(0, 220).replace(/\s+/g, ' ')}`);
  }
}

function sum(row: Map<string, number>): number {
  let total = 0;
  for (const count of row.values()) total += count;
  return total;
}

function readCase(): Item[] {
  const lines = readFileSync(CASE_PATH, 'utf8').split('\n').slice(1);
  return lines.flatMap((line) => {
    const [, text, label] = line.split('\t');
    const gold = label ? CASE_LABELS[label.trim()] : undefined;
    return text && gold ? [{ text, gold }] : [];
  });
}

function readAcled(): Item[] {
  const [header, ...rows] = parseCsv(readFileSync(ACLED_PATH, 'utf8'));
  const notes = header?.indexOf('notes') ?? -1;
  const sub = header?.indexOf('sub_event_type') ?? -1;
  if (notes < 0 || sub < 0) return [];
  return rows.flatMap((row) => (row[notes] && row[sub] ? [{ text: row[notes] as string, gold: row[sub] as string }] : []));
}

/** About 3 KB of our own conflict-news prose for timing. */
const ARTICLE = [
  'Government forces recaptured the town of Kafr Nabudah on Tuesday after days of heavy fighting with rebels, a monitor said.',
  'Russian warplanes carried out at least a dozen air strikes on villages in the southern countryside, killing seven civilians including two children.',
  'Rebels shelled government-held neighbourhoods of the city with rockets and mortars, wounding several residents, state media reported.',
  'In a separate incident, a roadside bomb exploded near a military convoy on the main highway, killing three soldiers.',
  'A suicide bomber blew himself up at a checkpoint manned by Kurdish fighters, and unknown gunmen abducted a local journalist from his home.',
  'Hundreds of people took to the streets of the capital to protest against rising prices, and police fired tear gas to disperse the crowd.',
  'Several demonstrators were arrested, and the opposition accused security forces of opening fire on protesters in the north.',
  'The two sides later agreed to a ceasefire brokered by regional mediators, and a prisoner exchange is expected next week.',
  'Army engineers defused two improvised explosive devices planted on the road and seized a large cache of weapons and ammunition.',
  'Militants looted shops and torched dozens of houses before withdrawing from the village, residents told reporters by phone.',
  'An angry mob lynched a suspected thief in the market, while rival clans clashed over grazing land further east.',
  'Since the war began in 2011, the province has changed hands several times, and officials warned that fighting could resume within days.',
].join(' ');

function timeStage(stage: ReturnType<typeof createTriggerStage>): void {
  const text = Array.from({ length: Math.ceil(3000 / ARTICLE.length) }, () => ARTICLE).join('\n\n').slice(0, 3200);
  const t0 = performance.now();
  const doc = segment(text);
  const tokenizeMs = performance.now() - t0;
  const runs = 1000;
  for (let i = 0; i < 50; i++) stage.run(doc);
  const t1 = performance.now();
  for (let i = 0; i < runs; i++) {
    doc.trace.length = 0;
    stage.run(doc);
  }
  const perArticle = (performance.now() - t1) / runs;
  console.log(`\n== speed: ${text.length} chars, ${doc.tokens.length} tokens, ${doc.triggers.length} triggers; ` +
    `trigger stage ${perArticle.toFixed(3)} ms/article over ${runs} runs (segmenting once: ${tokenizeMs.toFixed(1)} ms)`);
}

function explain(stage: ReturnType<typeof createTriggerStage>, text: string): void {
  const triggers = stage.run(segment(text)).triggers;
  for (const t of triggers) console.log(`${JSON.stringify(text.slice(t.start, t.end))}  ${t.entry}  ${t.subEventType}  p${t.priority}  [${t.hints.join(', ')}]`);
  console.log(`→ ${predict(triggers)}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const errorsAt = args.indexOf('--errors');
  const errors = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 20) : 0;
  const classAt = args.indexOf('--class');
  const only = classAt >= 0 ? (args[classAt + 1] ?? null) : null;
  const t0 = performance.now();
  const lexicon = loadTriggerLexicon();
  console.log(`lexicon: ${lexicon.entries.length} entries, ${lexicon.index.size} compiled patterns, loaded in ${(performance.now() - t0).toFixed(1)} ms`);
  const stage = createTriggerStage(lexicon);
  const explainAt = args.indexOf('--explain');
  if (explainAt >= 0) return explain(stage, args[explainAt + 1] ?? '');
  const classify = (text: string) => predict(stage.run(segment(text)).triggers);
  const classifyFirst = (text: string) => predictFirstSentence(stage.run(segment(text)));
  const sets: Array<[string, string, () => Item[]]> = [
    ['CASE 2021 task 2 (snippets)', CASE_PATH, readCase],
    ['ACLED notes (acledR 2022 H1 sample)', ACLED_PATH, readAcled],
  ];
  for (const [title, path, read] of sets) {
    if (!existsSync(path)) {
      console.log(`(skipped ${title}: ${path} not found)`);
      continue;
    }
    const items = read();
    report(title, items, classify, errors, only);
    const right = items.filter((item) => classifyFirst(item.text) === item.gold).length;
    console.log(`   first-eventful-sentence rule: accuracy ${(right / items.length).toFixed(3)}`);
  }
  timeStage(stage);
}

main();
