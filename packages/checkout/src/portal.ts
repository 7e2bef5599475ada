import { drawerCss } from './drawer-css.js';
import { adoptStyles, baseCss } from './styles.js';

export interface Portal {
  /** `<cartlift-drawer>`, a child of <body>: Stripe's iframes mount in its light DOM. */
  host: HTMLElement;
  /** Where the drawer renders, inside the host's shadow root. */
  container: HTMLElement;
  /** Removes the portal and gives the page back its interactivity. */
  release(): void;
}

/**
 * Opens the drawer's layer at the end of <body>, outside any header that could
 * clip it, and makes the rest of the page inert while it is open. Not the top
 * layer (showModal): that would make Stripe's own overlays — 3-D Secure,
 * WeChat Pay's QR code — inert too, since they are added to <body> later.
 *
 * @example
 * const portal = openPortal(document);
 * render(<Drawer host={portal.host} />, portal.container);
 */
export function openPortal(doc: Document): Portal {
  const host = doc.createElement('cartlift-drawer');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, baseCss + drawerCss);
  const container = doc.createElement('div');
  root.append(container);
  const inerted = [...doc.body.children].filter((el): el is HTMLElement => el instanceof HTMLElement && !el.inert);
  for (const el of inerted) el.inert = true;
  doc.body.append(host);
  return {
    host,
    container,
    release() {
      for (const el of inerted) el.inert = false;
      host.remove();
    },
  };
}
