/**
 * Short, realistic conflict reports written from templates by the sitrep authors, for tests of
 * feeds and the watch daemon: each has a headline, a lead that reports one event (an attack, an
 * air strike, a roadside bomb, an abduction, a clash, shelling, a protest), a witness or official
 * paragraph and a background paragraph, varied in place, day, toll and wording, so that a feed
 * of fifty gives fifty different articles with their events. No text of any shared set is used.
 */
import { newsPage, type ArticleParts } from './news-page.js';

interface Place {
  town: string;
  country: string;
  region: string;
}

const PLACES: Place[] = [
  { town: 'Maiduguri', country: 'Nigeria', region: 'Borno state' },
  { town: 'Kaduna', country: 'Nigeria', region: 'Kaduna state' },
  { town: 'Mogadishu', country: 'Somalia', region: 'the Banadir region' },
  { town: 'Kismayo', country: 'Somalia', region: 'Lower Juba' },
  { town: 'Goma', country: 'Congo', region: 'North Kivu province' },
  { town: 'Beni', country: 'Congo', region: 'North Kivu province' },
  { town: 'Kramatorsk', country: 'Ukraine', region: 'the Donetsk region' },
  { town: 'Kharkiv', country: 'Ukraine', region: 'the Kharkiv region' },
  { town: 'Aleppo', country: 'Syria', region: 'northern Syria' },
  { town: 'Idlib', country: 'Syria', region: 'northwest Syria' },
  { town: 'Mosul', country: 'Iraq', region: 'Nineveh province' },
  { town: 'Kirkuk', country: 'Iraq', region: 'Kirkuk province' },
  { town: 'Gao', country: 'Mali', region: 'northern Mali' },
  { town: 'Mopti', country: 'Mali', region: 'central Mali' },
  { town: 'El Fasher', country: 'Sudan', region: 'North Darfur' },
  { town: 'Taiz', country: 'Yemen', region: 'southwestern Yemen' },
  { town: 'Kandahar', country: 'Afghanistan', region: 'southern Afghanistan' },
  { town: 'Peshawar', country: 'Pakistan', region: 'Khyber Pakhtunkhwa province' },
  { town: 'Quetta', country: 'Pakistan', region: 'Balochistan province' },
  { town: 'Culiacan', country: 'Mexico', region: 'Sinaloa state' },
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

interface Act {
  headline: (p: Place, n: string) => string;
  lead: (p: Place, day: string, n: string) => string;
  /** A second paragraph that retells the event in other words. */
  detail: (p: Place, n: string) => string;
}

const ACTS: Act[] = [
  {
    headline: (p, n) => `Gunmen kill ${n} villagers near ${p.town}`,
    lead: (p, day, n) => `Gunmen on motorcycles killed ${n} villagers in an attack on a farming settlement near ${p.town} on ${day}, local officials said.`,
    detail: (p) => `Survivors said the attackers arrived at dusk, opened fire on people returning from the fields and set several homes alight before fleeing into the bush outside ${p.town}.`,
  },
  {
    headline: (p) => `Air strike hits market in ${p.town}`,
    lead: (p, day, n) => `An air strike hit a crowded market in ${p.town} on ${day}, killing ${n} civilians and wounding dozens more, residents said.`,
    detail: () => `Witnesses described hearing a warplane circle overhead minutes before the blast tore through rows of vegetable stalls at the height of the morning trade.`,
  },
  {
    headline: (p, n) => `Roadside bomb kills ${n} soldiers outside ${p.town}`,
    lead: (p, day, n) => `A roadside bomb struck a military convoy on the road outside ${p.town} on ${day}, killing ${n} soldiers, the army said in a statement.`,
    detail: () => `The device was buried under the asphalt and detonated as the second vehicle of the convoy passed, a security official said, speaking on condition of anonymity.`,
  },
  {
    headline: (p, n) => `Armed men abduct ${n} pupils from school in ${p.town}`,
    lead: (p, day, n) => `Armed men abducted ${n} pupils from a boarding school in ${p.town} on ${day} night, police said.`,
    detail: () => `Teachers said the kidnappers forced the dormitory doors open shortly after midnight and marched the children away on foot; security forces have launched a search.`,
  },
  {
    headline: (p) => `Troops and militants clash on outskirts of ${p.town}`,
    lead: (p, day, n) => `Government troops clashed with militants for several hours on the outskirts of ${p.town} on ${day}, leaving ${n} fighters dead, a military spokesman said.`,
    detail: () => `Heavy gunfire could be heard across the eastern districts until late afternoon, when the militants withdrew towards the hills, residents told reporters by telephone.`,
  },
  {
    headline: (p) => `Shelling kills civilians in ${p.town}`,
    lead: (p, day, n) => `Artillery shells slammed into residential districts of ${p.town} on ${day}, killing ${n} civilians, the regional governor said.`,
    detail: () => `Rescue workers pulled survivors from the rubble of a five-storey apartment block, and a school and a clinic were also damaged in the barrage.`,
  },
  {
    headline: (p) => `Thousands protest over fuel prices in ${p.town}`,
    lead: (p, day) => `Thousands of people marched through the centre of ${p.town} on ${day} to protest against a sharp rise in fuel prices, witnesses said.`,
    detail: () => `Protesters carried banners denouncing the cost of living and chanted outside the governor's office; the march ended peacefully in the early evening.`,
  },
];

const SOURCES = [
  'a local community leader', 'a hospital director', 'a spokesman for the regional administration', 'an aid worker in the area',
  'a resident who asked not to be named', 'a district official',
];
const BACKGROUNDS = [
  (p: Place) => `Violence has displaced tens of thousands of people across ${p.region} over the past year, according to United Nations figures.`,
  (p: Place) => `Humanitarian agencies have repeatedly warned that access to ${p.region} is shrinking as roads become too dangerous to travel.`,
  (p: Place) => `Local leaders in ${p.region} have called on the authorities to deploy more troops and to rebuild the police posts abandoned last year.`,
  (p: Place) => `Markets and schools across ${p.region} have closed for days at a time as residents fear further attacks.`,
  (p: Place) => `Analysts say the security situation in ${p.region} has worsened steadily despite promises of new investment and talks with community elders.`,
];
const CLOSINGS = [
  'The government said it would open an inquiry and promised compensation to the families of the victims.',
  'No group has claimed responsibility so far, and officials gave no details of any arrests.',
  'Hospitals in the area appealed for blood donations and for more medical supplies.',
  'The United Nations envoy for the country condemned the violence and urged all sides to protect civilians.',
  'Several families have begun leaving for safer towns, a resident said, taking what they could carry.',
  'Officials said the toll could rise as some of the wounded were in a critical condition.',
];

const QUOTES = [
  (who: string) => `"We have never seen anything like this here," ${who} said. "People are afraid to leave their homes after dark."`,
  (who: string) => `"Nobody came to help us for hours," ${who} said by telephone. "We carried the wounded ourselves."`,
  (who: string) => `"The families want answers, and they want protection," ${who} told reporters, adding that many had already fled.`,
  (who: string) => `${who[0]!.toUpperCase()}${who.slice(1)} said the area had been calm for several weeks and that nobody had expected trouble.`,
  (who: string) => `"Every week we bury someone," ${who} said. "The authorities promise a lot and nothing changes."`,
];
const RESPONSES = [
  (p: Place) => `The interior ministry said reinforcements had been sent to ${p.town} and that checkpoints on the main roads would be strengthened in the coming days.`,
  (p: Place) => `The governor's office announced a curfew in parts of ${p.town} from eight in the evening until six in the morning, starting immediately.`,
  (p: Place) => `Opposition politicians accused the government of ignoring repeated warnings from residents of ${p.town} and demanded that the security chiefs be replaced.`,
  (p: Place) => `Religious leaders in ${p.town} appealed for calm and urged young people not to take revenge, saying that more violence would only deepen the suffering.`,
  (p: Place) => `A delegation of lawmakers is expected to visit ${p.town} later this week to meet the families and local security commanders.`,
  (p: Place) => `Aid organisations said they had delivered food and medicine to families sheltering in schools and churches in ${p.town}, but that needs were growing fast.`,
];
const CONTEXTS = [
  'Prices of staple foods have nearly doubled in the region since last year, and many households now eat only once a day.',
  'The rainy season, which makes many rural roads impassable, is expected to begin within weeks and to complicate relief operations.',
  'Mobile phone networks have been cut in several districts for security reasons, making it difficult to verify reports from remote villages.',
  'Human rights groups have documented dozens of similar incidents this year and say that very few have led to prosecutions.',
  'Farmers say they have been unable to plant or harvest in many areas, raising fears of food shortages later in the year.',
  'Schools in the surrounding districts have remained closed for much of the term, according to education officials.',
  'Displacement camps on the edge of the city are overcrowded, and health workers have warned of outbreaks of cholera and measles.',
];

const HISTORIES = [
  (p: Place) => `${p.town} was considered one of the safer towns in ${p.region} until last spring, when a series of raids on nearby villages drove thousands of families into its crowded outskirts, where they now live in makeshift shelters.`,
  (p: Place) => `Security in and around ${p.town} has deteriorated since the end of a short-lived truce, and residents say that travel on the main highway is now possible only in armed convoys that leave twice a week.`,
  (p: Place) => `The town's only referral hospital, which also serves patients from across ${p.region}, has been running on generators for months and has repeatedly asked for fuel, staff and surgical supplies.`,
  (p: Place) => `Traders in ${p.town} say business has collapsed as farmers and herders from the surrounding countryside no longer dare to bring their goods to market, and many shops have closed for good.`,
];

export interface ConflictArticle {
  slug: string;
  headline: string;
  /** The paragraphs of the article body, lead first. */
  body: string[];
  /** Publication day, YYYY-MM-DD. */
  published: string;
  town: string;
  country: string;
  /** The weekday of the event: the last such day before publication. */
  eventDate: string;
}

/** The n-th article (0-based) of an outlet; the same arguments always give the same article. */
export function conflictArticle(i: number, outlet: string): ConflictArticle {
  const place = PLACES[(i * 7 + outlet.length) % PLACES.length]!;
  const act = ACTS[i % ACTS.length]!;
  const published = new Date(Date.UTC(2024, 0, 3 + i * 3 + outlet.length));
  // The event happened one to five days before publication, told by its weekday.
  const back = 1 + (i % 5);
  const eventDay = new Date(published.getTime() - back * 86_400_000);
  const day = WEEKDAYS[eventDay.getUTCDay()]!;
  const n = NUMBER_WORDS[(i * 5 + 3) % NUMBER_WORDS.length]!;
  const source = SOURCES[(i * 2 + outlet.length) % SOURCES.length]!;
  const pick = <T>(list: readonly T[], k: number): T => list[(i * k + outlet.length) % list.length]!;
  const body = [
    act.lead(place, day, n),
    act.detail(place, n),
    pick(QUOTES, 3)(source),
    pick(RESPONSES, 5)(place),
    pick(BACKGROUNDS, 1)(place),
    pick(CONTEXTS, 4),
    pick(QUOTES, 2)(pick(SOURCES, 5)),
    pick(RESPONSES, 3)(place),
    pick(CONTEXTS, 2),
    pick(HISTORIES, 1)(place),
    pick(BACKGROUNDS, 3)(place),
    pick(CLOSINGS, 5),
  ];
  return {
    slug: `${place.town.toLowerCase().replace(/\W+/g, '-')}-${i + 1}`,
    headline: act.headline(place, n),
    body,
    published: published.toISOString().slice(0, 10),
    town: place.town,
    country: place.country,
    eventDate: eventDay.toISOString().slice(0, 10),
  };
}

/** The article as a news page of its outlet (test/pages/news-page.html.tmpl). */
export function conflictPage(article: ConflictArticle, outlet: string, canonical: string): string {
  const parts: ArticleParts = {
    promo: `Sign up for the ${outlet} briefing to get the day's top stories every morning.`,
    headline: article.headline,
    caption: `A view of ${article.town}. (Photo: Staff/${outlet})`,
    body: article.body,
    commentsNote: 'Comments are moderated and may take a few minutes to appear.',
  };
  return newsPage(parts, { site: outlet, published: article.published, author: 'Staff reporter', canonical });
}

/** The article body as HTML paragraphs, as a feed's full content carries it. */
export function conflictHtml(article: ConflictArticle): string {
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return article.body.map((p) => `<p>${escape(p)}</p>`).join('\n');
}
