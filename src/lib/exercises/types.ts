// Every interactive exercise type, in one module so pages with exercises fetch them in one file:
// one request and better compression than five small ones, on the slow connections we design for.
export { default as reflection } from './reflection/ReflectionExercise.svelte';
export { default as 'single-choice' } from './single-choice/SingleChoiceExercise.svelte';
export { default as 'multiple-response' } from './multiple-response/MultipleResponseExercise.svelte';
export { default as matching } from './matching/MatchingExercise.svelte';
export { default as sorting } from './sorting/SortingExercise.svelte';
