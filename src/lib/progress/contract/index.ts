// The progress contract (docs/decisions/0008-contracts.md), whole: records, changes, limits and the
// resume-code alphabet, defined once in the three files beside this one. The server, the exports and
// build-time code import it from here; browser modules import the part they need, so a page loads only
// that part (the enhancer reads stored progress and needs answers.ts alone).
import { ANSWER_LIMITS } from './answers';
import { TRANSPORT_LIMITS } from './changes';
import { TYPED_CODE_MAX } from './resume-code';

export * from './answers';
export * from './changes';
export * from './resume-code';

/** Every limit of the contract in one object. */
export const LIMITS = { ...ANSWER_LIMITS, ...TRANSPORT_LIMITS, typedCode: TYPED_CODE_MAX } as const;
