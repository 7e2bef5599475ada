import { queryFromUrl, type ReviewFilter, reviewsUrlSearch, toggleFilter } from '../filters.js';
import type { Review, ReviewPage, ReviewQuery, ReviewSort } from '../model.js';
import { reviewQueryParams } from '../query.js';
import { type ReviewsLocale, reviewsText as t } from '../render-text.js';
import { reviewsView } from '../view.js';
import { toDom } from './dom.js';

/** One use of a filter, as `review_filter_applied` reports it. */
export interface ReviewFilterUse {
  readonly product: string;
  /** `rating`, `media`, `verified`, `variant`, `attr`, `topic`, `q`, `sort` or `clear`. */
  readonly filter: ReviewFilter | 'sort' | 'clear';
  /** The value toggled or set ("1", "true", "size:runs_small", the search text, the sort); "" for clear. */
  readonly value: string;
  /** Reviews matching the filters after the change. */
  readonly total: number;
}

/** How `<cartlift-reviews>` talks to its server and its page. */
export interface ReviewsElementOptions {
  /** The Cartlift server's base URL: "/api/cartlift" or "https://api.shop.example/api/cartlift". */
  readonly endpoint: string;
  /** Else from the element's nearest `lang` (Chinese for `zh*`, English otherwise). */
  readonly locale?: ReviewsLocale;
  /** Called after each filter use has been answered: the script tag emits `review_filter_applied` from it. */
  readonly onFilter?: (use: ReviewFilterUse) => void;
  /** The shopper's anonymous id for helpful votes (one vote per shopper); without it the vote buttons are hidden. */
  readonly shopper?: () => string | undefined;
}

/** How far below the viewport an element starts loading, so it is drawn before it is seen. */
const NEAR = '600px';

/**
 * Defines `<cartlift-reviews product="SKU" [name="Product name"]>`. An element
 * that already holds `renderReviews` HTML is taken over as it is (listeners
 * only, no redraw); an empty one fetches its first page and draws it when it
 * comes within 600px of the viewport, into the space the shop reserves with
 * `min-height: var(--cartlift-reviews-min-height)`. Filters, search, sort and
 * "more reviews" fetch `GET /reviews`; the filters live in the page URL as
 * `reviews.*` parameters, so a filtered view can be shared. Defining it twice
 * does nothing.
 *
 * @example
 * defineReviewsElement({ endpoint: '/api/cartlift', onFilter: (use) => console.log(use) });
 * // <cartlift-reviews product="TEA-LJ-100" name="Longjing tea"></cartlift-reviews>
 */
export function defineReviewsElement(options: ReviewsElementOptions): void {
  if (customElements.get('cartlift-reviews')) return;
  customElements.define('cartlift-reviews', reviewsElementClass(options));
}

function reviewsElementClass(options: ReviewsElementOptions) {
  return class CartliftReviews extends HTMLElement {
    query?: ReviewQuery;
    reviews: Review[] = [];
    observer?: IntersectionObserver;
    /** The latest load: an answer to an older one (a shopper clicking fast) is dropped. */
    latest = 0;

    get product(): string {
      return this.getAttribute('product') ?? '';
    }

    get locale(): ReviewsLocale {
      return options.locale ?? (/^zh/i.test(this.closest('[lang]')?.getAttribute('lang') ?? '') ? 'zh-CN' : 'en');
    }

    connectedCallback() {
      if (this.query) return;
      this.query = queryFromUrl(location.search, this.product);
      this.addEventListener('click', this);
      this.addEventListener('submit', this);
      this.addEventListener('change', this);
      this.hideVotes();
      // Server HTML answers the page's own URL, so it is only fetched again when the URL asks for other reviews.
      const served = this.querySelector('.cartlift-reviews');
      if (served && !this.fromUrl()) return;
      this.observer = new IntersectionObserver(
        ([entry]) => {
          if (!entry?.isIntersecting) return;
          this.observer?.disconnect();
          void this.load(this.query!);
        },
        { rootMargin: NEAR },
      );
      this.observer.observe(this);
    }

    disconnectedCallback() {
      this.observer?.disconnect();
    }

    /** True when the page URL carries reviews parameters. */
    fromUrl(): boolean {
      return /[?&]reviews\./.test(location.search);
    }

    /** Every interaction, delegated: the markup may be the server's or ours, and is redrawn whole. */
    handleEvent(event: Event) {
      const target = event.target as HTMLElement;
      const query = this.query!;
      if (event.type === 'submit') {
        event.preventDefault();
        const q = ((target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement | null)?.value.trim() ?? '';
        const { q: _old, ...rest } = query;
        void this.load(q ? { ...rest, q } : rest, { filter: 'q', value: q });
        return;
      }
      if (event.type === 'change' && (target as HTMLSelectElement).name === 'sort') {
        const sort = (target as HTMLSelectElement).value as ReviewSort;
        void this.load({ ...query, sort }, { filter: 'sort', value: sort });
        return;
      }
      if (event.type !== 'click') return;
      const button = target.closest<HTMLButtonElement>('button');
      if (!button) return;
      if (button.dataset.rating) this.toggle('rating', button.dataset.rating);
      else if (button.dataset.filter) this.toggle(button.dataset.filter as ReviewFilter, button.dataset.value ?? '');
      else if (button.classList.contains('cartlift-reviews-clear'))
        void this.load({ product: query.product, sort: query.sort, limit: query.limit }, { filter: 'clear', value: '' });
      else if (button.dataset.cursor) void this.load({ ...query, cursor: button.dataset.cursor }, undefined, true);
      else if (button.dataset.vote) void this.vote(button, button.dataset.vote);
    }

    toggle(filter: ReviewFilter, value: string) {
      void this.load(toggleFilter(this.query!, filter, value), { filter, value });
    }

    /**
     * Fetches a page for the query and draws it; `more` appends to the reviews
     * shown. A failure says so in the status line and leaves the rest as it was.
     */
    async load(query: ReviewQuery, use?: Omit<ReviewFilterUse, 'product' | 'total'>, more = false) {
      const status = this.querySelector('.cartlift-reviews-count');
      const load = ++this.latest;
      let page: ReviewPage;
      try {
        const response = await fetch(`${options.endpoint}/reviews?${reviewQueryParams(query)}`);
        if (!response.ok) throw new Error(String(response.status));
        page = await response.json();
      } catch {
        if (status && load === this.latest) status.textContent = t.failed[this.locale];
        return;
      }
      if (load !== this.latest) return;
      const { cursor: _cursor, ...shown } = query;
      this.query = shown;
      this.reviews = more ? [...this.reviews, ...page.reviews] : [...page.reviews];
      if (!more) history.replaceState(history.state, '', `${location.pathname}${reviewsUrlSearch(location.search, shown)}${location.hash}`);
      this.draw({ ...page, reviews: this.reviews });
      if (use) options.onFilter?.({ product: query.product, ...use, total: page.total });
    }

    /**
     * Draws a page into the element: the status line is kept and its text
     * changed (a live region replaced is not announced); the control that had
     * focus gets it back in the new markup, or the status line takes it.
     */
    draw(page: ReviewPage) {
      const focusKey = keyOf(document.activeElement);
      const name = this.getAttribute('name') || this.querySelector('.cartlift-reviews')?.getAttribute('aria-label') || this.product;
      const view = reviewsView({ ...page, product: { sku: this.product, name } }, { locale: this.locale, query: this.query! });
      const fresh = toDom(view) as HTMLElement;
      // The server's label already names the product; ours would name it twice.
      if (!this.getAttribute('name') && this.querySelector('.cartlift-reviews')) fresh.setAttribute('aria-label', name);
      const section = this.querySelector('.cartlift-reviews');
      const oldStatus = section?.querySelector('.cartlift-reviews-count');
      const newStatus = fresh.querySelector('.cartlift-reviews-count');
      if (section && oldStatus && newStatus) {
        oldStatus.textContent = newStatus.textContent;
        newStatus.replaceWith(oldStatus);
        section.replaceChildren(...fresh.childNodes);
      } else {
        this.replaceChildren(fresh);
      }
      this.hideVotes();
      if (focusKey) {
        const back = [...this.querySelectorAll<HTMLElement>('button,input,select')].find((el) => keyOf(el) === focusKey);
        const fallback = this.querySelector<HTMLElement>('.cartlift-reviews-chip,.cartlift-reviews-bar');
        (back ?? fallback)?.focus();
      }
    }

    /** Without a shopper id a vote can't be counted once, so the buttons are not offered. */
    hideVotes() {
      if (options.shopper?.()) return;
      for (const button of this.querySelectorAll<HTMLElement>('[data-vote]')) button.hidden = true;
    }

    /** "Helpful": one vote per shopper; any failure is a short message beside the button, never an error. */
    async vote(button: HTMLButtonElement, id: string) {
      button.disabled = true;
      let ok = false;
      try {
        const response = await fetch(`${options.endpoint}/reviews/helpful`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ review: id, shopper: options.shopper?.(), helpful: true }),
        });
        ok = response.ok;
      } catch {
        // Offline or refused: said below.
      }
      const note = document.createElement('span');
      note.setAttribute('role', 'status');
      note.textContent = ` ${ok ? t.voted[this.locale] : t.voteFailed[this.locale]}`;
      button.after(note);
      if (!ok) button.disabled = false;
    }
  };
}

/** What identifies a control across redraws: its class and what it toggles. */
function keyOf(el: Element | null): string | undefined {
  if (!(el instanceof HTMLElement) || !el.closest('cartlift-reviews')) return undefined;
  const { rating = '', filter = '', value = '', cursor = '' } = el.dataset;
  return `${el.className}|${el.getAttribute('name') ?? ''}|${rating}|${filter}|${value}|${cursor ? 'more' : ''}`;
}
