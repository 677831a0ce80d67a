// The progress contract, part 3 (docs/decisions/0008-contracts.md): resume codes, as the server makes
// and checks them and the browser reads them.

/** Symbols of a resume code, without look-alikes (no 0/O, 1/I/L, U): 30 of them, so 14 carry ≈ 68.7 bits. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 14;

/** A typed code without case, spaces and dashes, or null when it cannot be a code (saves a try). */
export function normaliseCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** A code as typed, spaces and dashes included: longer is no code. */
export const TYPED_CODE_MAX = 64;
