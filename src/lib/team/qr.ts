import { qrDataUrl } from '$lib/progress/resume-code';
import type { facilitatorApi } from './api';

/**
 * Put the join QR code (SVG from the server) in `container` as an image, with the alt text the
 * server rendered in its `data-alt`. Shown by the start page, the panel and the board, where the
 * room scans it from the projector.
 */
export function showQr(container: HTMLElement, svg: string): void {
	const img = document.createElement('img');
	img.className = 'team-qr';
	img.src = qrDataUrl(svg);
	img.alt = container.dataset.alt ?? '';
	container.replaceChildren(img);
}

/** Fetch the session's join QR code once and show it; without it the code and link still say how to join. */
export async function loadQr(api: ReturnType<typeof facilitatorApi>, container: HTMLElement): Promise<void> {
	const result = await api.joinInfo();
	if (result.ok) showQr(container, result.data.qrSvg);
}
