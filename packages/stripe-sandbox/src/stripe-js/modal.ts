import { h, shadowWithStyles } from './dom.js';
import { CSS_TEXT } from './styles.js';

export interface DialogAction<T extends string> {
  label: string;
  value: T;
  primary?: boolean;
}

/**
 * Shows a modal dialog (3-D Secure, WeChat Pay QR, test wallet sheet) and
 * resolves with the chosen action, or `'dismiss'` on Escape. Keyboard-complete:
 * focus moves into the dialog, Tab stays inside, focus returns afterwards.
 *
 * @example
 * const choice = await openDialog('Authenticate', [note], [{ label: 'Complete', value: 'ok', primary: true }], '测试模式');
 */
export function openDialog<T extends string>(title: string, body: Node[], actions: DialogAction<T>[], banner: string): Promise<T | 'dismiss'> {
  const previous = document.activeElement as HTMLElement | null;
  const host = h('div', { 'data-stripe-sandbox-dialog': '' });
  const root = shadowWithStyles(host, CSS_TEXT);
  const buttons = actions.map((a) => h('button', { type: 'button', class: a.primary ? 'primary' : 'secondary' }, a.label));
  const dialog = h(
    'div',
    { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'dialog-title' },
    h('p', { class: 'banner' }, banner),
    h('h2', { id: 'dialog-title' }, title),
    ...body,
    h('div', { class: 'actions' }, ...buttons),
  );
  root.append(h('div', { class: 'overlay' }, dialog));
  document.body.append(host);
  return new Promise((resolve) => {
    const close = (value: T | 'dismiss') => {
      host.remove();
      previous?.focus?.();
      resolve(value);
    };
    for (const [i, button] of buttons.entries()) button.addEventListener('click', () => close(actions[i]?.value ?? 'dismiss'));
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close('dismiss');
      if (event.key !== 'Tab' || buttons.length === 0) return;
      const first = buttons[0];
      const last = buttons[buttons.length - 1];
      if (event.shiftKey && root.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && root.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    });
    buttons.find((_, i) => actions[i]?.primary)?.focus() ?? buttons[0]?.focus();
  });
}
