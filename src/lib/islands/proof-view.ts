// "Bewijs van deelname", filled in from the progress on this device. Loaded only on that page.
// The name the learner types is copied into the sheet as they type; it is never stored or sent.
import type { ProgressStore } from '$lib/progress/progress';
import { proofFacts } from '$lib/progress/proof';
import { fill } from './page-data';
import { pageSections } from './progress-view';

export function showProof(root: Document, store: ProgressStore): void {
	const proof = root.querySelector<HTMLElement>('[data-proof]');
	if (!proof) return;
	const sections = pageSections(root);
	const scored = (proof.dataset.scored ?? '').split(' ').filter(Boolean);
	const $ = (name: string) => proof.querySelector<HTMLElement>(`[data-proof-${name}]`)!;

	$('date').textContent = new Date().toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
	const input = $('name-input') as HTMLInputElement;
	input.addEventListener('input', () => ($('name').textContent = input.value.trim() || '–'));

	store.subscribe(({ progress, loaded }) => {
		if (!loaded) return;
		const facts = proofFacts(sections, scored, progress);
		const quiz = $('quiz');
		quiz.textContent = fill(quiz.dataset.template ?? '', { right: facts.right, total: facts.scored });
		const count = $('count');
		count.textContent = fill(count.dataset.template ?? '', { done: facts.done.length, total: facts.total });
		$('sections').replaceChildren(
			...facts.done.map((path) => {
				const li = root.createElement('li');
				li.textContent = sections.find((s) => s.path === path)?.title ?? path;
				return li;
			})
		);
	});
}
