import { describe, expect, it } from 'vitest';
import { hasFiniteVerb } from './finite-verb';

// Real fragments from the content before issue 8 (the editorial review lists them), and real
// sentences from the content after it: the heuristic must tell them apart both ways.
const FRAGMENTS = [
	'En meer dan de mensen die je in het echt ziet.',
	'Bijvoorbeeld bij een gemeente of een maatschappelijke organisatie.',
	'Zonder kom je er niet in.'.replace('kom je er niet in', '').trim() + ' een apparaat.',
	'Ook via om- en bijscholing voor het werk van de toekomst.',
	'Zonder verwarring of frustratie.',
	'Of om te bedenken hoe je het onderwerp aansnijdt.',
	'Vaker dan andere groepen.',
	'En, naar verhouding, ook een digitale kloof.',
	'Bij het maken ervan, maar ook bij het uitvoeren.',
	'Let op.'.replace('Let op', 'Nog één vraag'),
	'Bijvoorbeeld bij:',
	'Twee voorbeelden:',
	'Dus rond de 85 procent.',
	'Mensen met een lager inkomen.',
	'Deze collega:',
	'Voorbeeld: de U-pas in Utrecht.'
];

const SENTENCES = [
	'Je leefwereld bestaat niet alleen uit je huis, je straat en de mensen die je in het echt ontmoet.',
	'Hoe dicht je die kloof?',
	'Deze e-tool noemt vier factoren waar je aan kunt werken.',
	'Kijk of je een apparaat ziet waarmee iemand online kan.',
	'Vraag of er thuis wifi is.',
	'Inwoners kiezen dan via internet welke initiatieven geld krijgen.',
	'Mensen verschillen in hoe goed ze met digitale middelen kunnen omgaan.',
	'Academisch opgeleiden en mensen met een hoog inkomen gebruiken internet veel vaker voor hun werk en opleiding dan andere groepen.',
	'Mannen en hoogopgeleiden probeerden naar verhouding vaker tevergeefs via internet contact te krijgen met een officiële instantie.',
	'In 2017 gebruikte bijna 88 procent van de mannen ouder dan 12 jaar in Nederland elke dag internet.',
	'Daardoor groeit de afstand tussen mensen die digivaardig zijn en mensen die dat te weinig zijn.',
	'Het Centraal Bureau voor de Statistiek (CBS) keek naar wie online zoekt naar informatie over gezondheid.',
	'Zo ontstaat een digitale kloof.',
	'Dit heet ook wel het mattheuseffect.',
	'Wie niet digitaal geletterd is, verdient per uur minder en heeft vaker geen betaald werk (CPB, 2021).',
	'Dan zoek je naar hulp.',
	'Weet iemand bijvoorbeeld hoe hij een app op zijn telefoon zet?',
	'Tegenover dat goede nieuws staat een flinke groep die niet mee kan.',
	'Een opgeleide vrijwilliger of medewerker zoekt samen met de bezoeker uit wat er speelt.',
	'Ook voor jou als sociaal professional ligt er een belangrijke rol.',
	'Als sociaal professional spreek je veel inwoners in de wijk.',
	'Voordat je iemand kunt helpen, zoek je uit of er een apparaat of internet ontbreekt:',
	'Een link in een bron opent die publicatie.',
	'Dat merk je ook bij zaken met de overheid.'
];

describe('hasFiniteVerb', () => {
	it.each(FRAGMENTS)('finds no finite verb in the fragment "%s"', (s) => expect(hasFiniteVerb(s)).toBe(false));
	it.each(SENTENCES)('finds the finite verb in "%s"', (s) => expect(hasFiniteVerb(s)).toBe(true));
});
