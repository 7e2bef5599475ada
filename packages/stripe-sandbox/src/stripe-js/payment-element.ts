import { formatCardNumber, validateCard } from './card.js';
import { h, resolveMountTarget, shadowWithStyles } from './dom.js';
import { createEmitter } from './emitter.js';
import { availableTypes, type GroupState, type PaymentElementPort } from './group.js';
import { orderedTypes } from './method-order.js';
import { CSS_TEXT } from './styles.js';

/**
 * The Payment Element look-alike: a labelled test-mode form with a tab per
 * payment method (card, Alipay, WeChat Pay) rendered in an open shadow root
 * where Stripe's iframe would be.
 *
 * @example
 * const el = createPaymentElement(group, {}); el.mount('#payment-element');
 */
export function createPaymentElement(group: GroupState, options: Record<string, unknown>) {
  const events = createEmitter();
  let host: HTMLElement | null = null;
  let selected = '';
  let fields: { number: HTMLInputElement; expiry: HTMLInputElement; cvc: HTMLInputElement; error: HTMLElement } | null = null;
  let destroyed = false;
  // What the rendered DOM shows: an update that changes neither (an amount, say) leaves the
  // inputs alone, as Stripe's element does, instead of swapping them under the shopper's typing.
  let shown = '';
  // The tabs in `paymentMethodOrder`'s order (Stripe's semantics, method-order.ts): the first is selected.
  const typesShown = () => orderedTypes(availableTypes(group.intent, group.options), options.paymentMethodOrder);
  const look = () => `${group.texts.cardNumber}|${typesShown().join()}`;

  const port: PaymentElementPort = {
    selectedType: () => selected,
    card: () => ({ number: fields?.number.value ?? '', expiry: fields?.expiry.value ?? '', cvc: fields?.cvc.value ?? '' }),
    showError(message) {
      if (fields) fields.error.textContent = message;
    },
    refresh: () => look() !== shown && render(),
  };

  function change(): void {
    const card = port.card();
    const empty = selected === 'card' ? !card.number && !card.expiry && !card.cvc : false;
    const complete = selected !== 'card' || validateCard(card, new Date()).ok;
    events.emit('change', { elementType: 'payment', empty, complete, collapsed: false, value: { type: selected } });
  }

  function render(): void {
    if (!host) return;
    const t = group.texts;
    const types = typesShown();
    if (!types.includes(selected)) selected = types[0] ?? 'card';
    const previous = fields ? port.card() : null;
    shown = look();
    const root = shadowWithStyles(host, CSS_TEXT);
    const tabs = types.map((type) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${type}`,
          'aria-controls': `panel-${type}`,
          'aria-selected': String(type === selected),
          tabindex: type === selected ? '0' : '-1',
          'data-type': type,
        },
        t[type as 'card'] ?? type,
      ),
    );
    const number = h('input', {
      id: 'number',
      name: 'cardnumber',
      autocomplete: 'cc-number',
      inputmode: 'numeric',
      placeholder: '1234 1234 1234 1234',
      'aria-describedby': 'card-error',
    });
    const expiry = h('input', {
      id: 'expiry',
      name: 'exp-date',
      autocomplete: 'cc-exp',
      inputmode: 'numeric',
      placeholder: 'MM / YY',
      'aria-describedby': 'card-error',
    });
    const cvc = h('input', { id: 'cvc', name: 'cvc', autocomplete: 'cc-csc', inputmode: 'numeric', placeholder: 'CVC', 'aria-describedby': 'card-error' });
    const error = h('p', { class: 'error', id: 'card-error', role: 'alert' });
    const fill = h('button', { type: 'button', class: 'link' }, t.fillTestCard);
    fields = { number, expiry, cvc, error };
    if (previous) {
      number.value = previous.number;
      expiry.value = previous.expiry;
      cvc.value = previous.cvc;
    }
    const panels: Record<string, HTMLElement> = {
      card: h(
        'div',
        { class: 'field-group' },
        h('div', { class: 'field' }, h('label', { for: 'number' }, t.cardNumber), number),
        h(
          'div',
          { class: 'row' },
          h('div', { class: 'field' }, h('label', { for: 'expiry' }, t.expiry), expiry),
          h('div', { class: 'field' }, h('label', { for: 'cvc' }, t.cvc), cvc),
        ),
        fill,
        error,
      ),
      alipay: h('p', { class: 'note' }, t.alipayNote),
      wechat_pay: h('p', { class: 'note' }, t.wechatNote),
    };
    const panelNodes = types.map((type) =>
      h(
        'div',
        { role: 'tabpanel', id: `panel-${type}`, 'aria-labelledby': `tab-${type}`, hidden: type !== selected, tabindex: '0' },
        panels[type] ?? h('p', { class: 'note' }, type),
      ),
    );
    const tablist = h('div', { role: 'tablist', 'aria-label': t.methods }, ...tabs);
    root.replaceChildren(h('div', { class: 'root', part: 'root' }, h('p', { class: 'banner', role: 'note' }, t.banner), tablist, ...panelNodes));

    const select = (type: string, focus: boolean) => {
      selected = type;
      tabs.forEach((tab, i) => {
        const on = types[i] === type;
        tab.setAttribute('aria-selected', String(on));
        tab.tabIndex = on ? 0 : -1;
        if (on && focus) tab.focus();
      });
      for (const [i, panel] of panelNodes.entries()) panel.hidden = types[i] !== type;
      change();
    };
    for (const [i, tab] of tabs.entries()) tab.addEventListener('click', () => select(types[i] ?? 'card', false));
    tablist.addEventListener('keydown', (event) => {
      const at = types.indexOf(selected);
      const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: types.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(types[(next + types.length) % types.length] ?? 'card', true);
    });
    number.addEventListener('input', () => {
      number.value = formatCardNumber(number.value);
      change();
    });
    for (const input of [expiry, cvc]) input.addEventListener('input', change);
    for (const input of [number, expiry, cvc]) {
      input.addEventListener('focus', () => events.emit('focus', { elementType: 'payment' }));
      input.addEventListener('blur', () => events.emit('blur', { elementType: 'payment' }));
    }
    fill.addEventListener('click', () => {
      const year = String((new Date().getFullYear() + 4) % 100).padStart(2, '0');
      number.value = '4242 4242 4242 4242';
      expiry.value = `12 / ${year}`;
      cvc.value = '123';
      error.textContent = '';
      change();
    });
  }

  return {
    mount(target: unknown): void {
      if (destroyed) throw new Error('mount(): this Payment Element was destroyed; create a new one with elements.create("payment").');
      if (host) throw new Error('mount(): this Payment Element is already mounted; call unmount() first.');
      const parent = resolveMountTarget(target);
      host = h('div', { class: 'StripeElement StripeSandboxElement', 'data-stripe-sandbox': 'payment' });
      parent.append(host);
      group.payment = port;
      events.emit('loaderstart', { elementType: 'payment' });
      void group.loaded.then(() => {
        if (!host) return;
        render();
        events.emit('ready', { elementType: 'payment' });
        change();
      });
    },
    unmount(): void {
      host?.remove();
      host = null;
    },
    destroy(): void {
      this.unmount();
      destroyed = true;
      if (group.payment === port) group.payment = null;
    },
    update(next: Record<string, unknown>): void {
      Object.assign(options, next);
      if (look() !== shown) render();
    },
    focus: () => fields?.number.focus(),
    blur: () => (host?.shadowRoot?.activeElement as HTMLElement | null)?.blur(),
    clear(): void {
      if (!fields) return;
      for (const input of [fields.number, fields.expiry, fields.cvc]) input.value = '';
      change();
    },
    collapse(): void {},
    on: events.on,
    once: events.once,
    off: events.off,
    port,
  };
}
