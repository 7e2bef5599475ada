/**
 * Runs `run` once, the first time `element` (if any) comes within `rootMargin`
 * of the viewport: the buy elements start a wallet before a touch lands, and the
 * script tag fetches the reviews chunk before the block is seen. One helper,
 * because both sit in the script tag's first download.
 *
 * @example
 * whenNear(document.querySelector('cartlift-reviews'), '600px', () => import('./reviews.js'));
 */
export function whenNear(element: Element | null, rootMargin: string, run: () => unknown): void {
  // Null (no such element on the page) does nothing, so a caller can pass querySelector's answer as it is.
  if (element)
    new IntersectionObserver(
      ([entry], observer) => {
        if (!entry!.isIntersecting) return;
        observer.disconnect();
        run();
      },
      { rootMargin },
    ).observe(element);
}
