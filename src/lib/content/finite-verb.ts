/**
 * Does a Dutch sentence have a finite verb (persoonsvorm)? A heuristic for `npm run readability`,
 * to find fragments such as "Zonder verwarring of frustratie." or "Vaker dan andere groepen.".
 *
 * What it does, in order (the first rule that fires says "yes"):
 * 1. a known finite form: zijn/hebben/worden, the modals, common irregular verbs, present and past;
 * 2. an imperative: the sentence opens with a common verb stem ("Kijk", "Vraag", "Zorg");
 * 3. inversion: a word right before "je", "jij", "ze", "we", "hij" or "zij" that is not a function word
 *    ("Weet je", "Kiezen ze");
 * 4. present tense in -t ("werkt", "gebruikt"), unless the word is a known non-verb in -t
 *    ("internet", "procent") or follows an article, determiner or preposition ("het contact");
 * 5. plural present or past in -en/-den/-ten of a common verb ("kiezen", "zochten"), unless it follows
 *    "te", "om", an article or a preposition ("om te kiezen", "bij het zoeken");
 * 6. weak past tense in -de/-te of a common verb ("gebruikte", "zocht" is in the list of rule 1).
 *
 * Limits, honestly: it knows a few hundred words, not Dutch. It misses finite verbs it has never seen
 * (a rare verb in a sentence with no other verb counts as a fragment), and it can take a noun for a
 * verb where a noun in -t or -en stands without an article ("Werk en inkomen."). The unit tests use
 * real sentences from the content, both ways; a section's count is a pointer for the author, not a verdict.
 */

/** Words (numbers included, so "In 2017 gebruikte" does not read as "in gebruikte") and commas. */
const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*|,/gu) ?? [];

/** Words that open a subordinate clause: a finite verb in it does not make the sentence whole. */
const SUBORDINATORS = new Set(`die dat wat hoe waar wie welke waarmee waarin waarom wanneer als omdat zodat terwijl voordat nadat doordat of dan`.split(/\s+/));
const AMBIGUOUS = new Set(['dat', 'die', 'als', 'of', 'wat']);
const SUBJECT_AFTER = new Set(['je', 'jij', 'ze', 'zij', 'we', 'wij', 'hij', 'u', 'jullie', 'iemand', 'mensen', 'inwoners', 'burgers', 'er', 'het', 'de', 'iedereen']);

/** At the start of a sentence these are a pronoun, a coordinator or a preposition, not a subordinator. */
const NOT_SUBORDINATE_AT_START = new Set(['die', 'dat', 'wat', 'of', 'dan', 'waar', 'hoe', 'welke', 'waarom', 'wanneer']);

/** Which word positions stand in a subordinate clause (from the subordinator to the next comma). */
function subordinate(w: string[], question: boolean): boolean[] {
	const inside: boolean[] = [];
	let open = false;
	const hasComma = w.includes(',');
	for (let i = 0; i < w.length; i++) {
		const word = w[i]!;
		if (word === ',') open = false;
		else if (SUBORDINATORS.has(word) && !open) {
			const atStart = i === 0;
			// "dat", "die", "als", "of" and "wat" are also a determiner, "as", "or" or a pronoun: they open a clause
			// only when a subject follows ("die je … ziet", "of er … is"), not in "dat goede nieuws" or "vrijwilliger of medewerker".
			if (AMBIGUOUS.has(word) && !atStart && !SUBJECT_AFTER.has(w[i + 1] ?? '')) {
				inside.push(false);
				continue;
			}
			// "Dan kiest", "Dat heet", "Of om …", a question ("Wie gebruikt …?"), "Als sociaal professional spreek je" (no comma: "als" = "as").
			if (atStart && (NOT_SUBORDINATE_AT_START.has(word) || question || (word === 'als' && !hasComma))) {
				inside.push(false);
				continue;
			}
			// "dan" after a comparative ("meer dan", "vaker dan") opens no clause either.
			if (word === 'dan') {
				inside.push(open);
				continue;
			}
			open = true;
		}
		inside.push(open);
	}
	return inside;
}

const FINITE = new Set(
	`is ben bent zijn was waren wezen heeft hebben heb hebt had hadden wordt worden word werd werden
	kan kunnen kun kunt kon konden moet moeten moest moesten mag mogen mocht mochten zal zullen zult zou zouden
	wil willen wilt wilde wilden wou hoeft hoeven hoefde gaat gaan ga ging gingen doet doen doe deed deden
	komt komen kom kwam kwamen staat staan sta stond stonden ligt liggen lig lag lagen zit zitten zat zaten
	krijgt krijgen krijg kreeg kregen ziet zien zie zag zagen weet weten wist wisten blijft blijven blijf bleef bleven
	geeft geven geef gaf gaven vindt vinden vind vond vonden laat laten liet lieten heet heten heette
	betekent betekenen betekende helpt hielp hielpen neemt nemen neem nam namen brengt brengen bracht brachten
	denkt denken dacht dachten zoekt zoeken zocht zochten koopt kopen kocht kochten vraagt vragen vroeg vroegen
	leest lezen las lazen schrijft schrijven schreef schreven kiest kiezen koos kozen houdt houden hield hielden
	begint beginnen begon begonnen loopt lopen liep liepen valt vallen viel vielen spreekt spreken sprak spraken
	bleek bleken gold golden onderzocht keek keken verschilt verschillen volgt volgen trekt trok
	ontstaat ontstaan ontstond beschreef noemt noemen noemde`.split(/\s+/)
);

/** Verb stems that open an imperative sentence ("Kijk om je heen."). */
const IMPERATIVE = new Set(
	`kijk vraag zorg houd zoek richt regel sluit let lees kies leg deel stuur werk denk schrijf neem help ga geef
	maak test bekijk klik verbind probeer signaleer motiveer organiseer stel wees doe begin bespreek`.split(/\s+/)
);

/** Subjects after an inverted finite verb. */
const INVERTED_SUBJECT = new Set(['je', 'jij', 'ze', 'we', 'wij', 'hij', 'zij', 'u', 'jullie', 'iemand', 'mensen', 'inwoners', 'burgers']);

/** Words after which a word in -t or -en is a noun or an infinitive: articles, determiners, prepositions, "te", "om". */
const BEFORE_NOUN = new Set(
	`de het een dit deze geen elk elke ieder iedere alle veel weinig hun haar mijn jouw onze
	op in aan van voor naar bij met over door om te tot uit onder tussen zonder via na tegen per andere ander nieuwe goede eigen`.split(/\s+/)
);

/** Words that are never the finite verb before an inverted subject ("als je", "dat ze", "hoe je"). */
const FUNCTION_WORDS = new Set([
	...BEFORE_NOUN,
	...`dat die wat hoe waar wie welke hoeveel waarom wanneer als dan of en maar want omdat zodat terwijl voordat nadat
	doordat nog ook al wel niet meer minder zo daarom toch`.split(/\s+/)
]);

/** Nouns that look like a verb form in -en ("inkomen" ends in "komen"). */
const NOT_VERB_EN = new Set(`inkomen gevolgen vermogen leven wezen bewegen`.split(/\s+/));

/** Words in -t that are not verbs (or almost never are in this content). */
const NOT_VERB_T = new Set(
	`niet dat wat met het internet contact procent abonnement moment recht zicht licht straat resultaat apparaat
	soort sport kort best meest rest feest kant krant klant restaurant cliënt cent student talent effect project
	product budget punt tekst markt bericht feit tijdschrift vast laat liefst eerst samenhangt at uit buurt gebouw
	parlement departement kabinet digitaalt ministerie gezicht opzicht inzicht overzicht plicht gewicht geslacht
	toezicht bezit vooruit thuis groot vlot net echt slecht laatst buurt wit zwart`.split(/\s+/)
);

/** Common verbs by infinitive; a word ending in one of these, in -en/-den/-ten, counts as a plural or past finite form. */
const VERBS =
	`gebruiken werken leren helpen maken kiezen vragen geven halen zoeken vinden delen praten denken beslissen
	doen bepalen regelen aanvragen spreken kopen lopen raken groeien missen verschillen versterken verdienen zetten
	betrekken bereiken communiceren ontwikkelen schrijven lezen opzoeken bedienen steunen krijgen komen gaan staan
	liggen zitten houden brengen nemen volgen tellen leven wonen hebben zijn worden kunnen moeten mogen willen
	zullen blijven weten zien kijken letten proberen noemen onderzoeken vallen spelen zorgen wijzen betalen sturen
	verbeteren vergroten dichten kennen herkennen gebeuren ontstaan verwachten bieden passen horen laten`.split(/\s+/);

const WEAK_PAST = /(?:de|te|den|ten)$/;

function isPluralOrPast(word: string): boolean {
	if (!/en$/.test(word) || NOT_VERB_EN.has(word)) return false;
	// A participle or noun in ge- ("gevolgen", "gegeven") is not a finite form.
	if (VERBS.some((v) => word === `ge${v}`)) return false;
	if (VERBS.some((v) => word === v || (word.endsWith(v) && word.length - v.length >= 2))) return true;
	// Weak past plural: werkten, gebruikten, zochten is in FINITE.
	return VERBS.some((v) => word === v.slice(0, -2) + 'ten' || word === v.slice(0, -2) + 'den');
}

function isWeakPastSingular(word: string): boolean {
	return WEAK_PAST.test(word) && VERBS.some((v) => word === v.slice(0, -2) + 'te' || word === v.slice(0, -2) + 'de');
}

/** True when the sentence has a finite verb by the rules above. */
export function hasFiniteVerb(sentence: string): boolean {
	const w = tokens(sentence);
	if (w.filter((x) => x !== ',').length === 0) return true;
	if (IMPERATIVE.has(w[0]!)) return true;
	const inside = subordinate(w, /\?\s*$/.test(sentence));
	for (let i = 0; i < w.length; i++) {
		const word = w[i]!;
		if (word === ',' || inside[i]) continue;
		const before = w[i - 1];
		const after = w[i + 1];
		if (FINITE.has(word)) return true;
		// Inversion: the finite verb right before its subject ("Weet je …", "Hoe dicht je …", "Dat merk je …").
		if (after && INVERTED_SUBJECT.has(after) && !FUNCTION_WORDS.has(word) && word.length > 2 && !/^\p{N}/u.test(word)) return true;
		const afterArticle = before !== undefined && BEFORE_NOUN.has(before);
		if (afterArticle) continue;
		if (word.length >= 4 && /t$/.test(word) && !NOT_VERB_T.has(word) && !/(?:heid|schap|ment|ist|ant|cht|ent)$/.test(word)) return true;
		if (word.length >= 4 && /(?:cht|ent|ist)$/.test(word) && /(?:ient|wacht|mist|kent|bent|opent|betekent|went)$/.test(word)) return true;
		if (isPluralOrPast(word) && before !== 'te') return true;
		if (isWeakPastSingular(word)) return true;
	}
	return false;
}
