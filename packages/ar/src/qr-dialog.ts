// The desktop route's dialog, in a chunk of its own (with the QR encoder):
// only a shopper on a computer who asks for it downloads it.
import { encode } from 'uqr';
import type { ArLocale } from './ar-text.js';

const QR_TEXT = {
  en: { title: 'Scan with your phone’s camera', hint: 'Open the link on your phone, then tap “View in your space”.', close: 'Close' },
  'zh-CN': { title: '用手机相机扫一扫', hint: '在手机上打开链接，然后轻点“在你的空间中查看”。', close: '关闭' },
} as const;

const SVG = 'http://www.w3.org/2000/svg';
const CSS =
  'dialog{border:0;border-radius:12px;padding:1.25em;max-width:min(22em,90vw);text-align:center;color:#1a1a1a;background:#fff}dialog::backdrop{background:#0008}svg{display:block;width:240px;height:240px;margin:0 auto;background:#fff}h2{font-size:1.1em;margin:0 0 .5em}button{font:inherit;min-height:44px;padding:.5em 1em}button:focus-visible,a:focus-visible{outline:3px solid #1f5f4a;outline-offset:2px}a{color:#1f5f4a;word-break:break-all}';

/**
 * The QR code of `text` as an SVG: one path of dark modules on a white quiet
 * zone of 4 modules (what phone cameras need), drawn with attributes only (strict CSP).
 *
 * @example
 * document.body.append(qrSvg('https://shop.example/pot#cartlift-ar=POT'))
 */
export function qrSvg(text: string): SVGSVGElement {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', data.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : ''))).join(''));
  modules.setAttribute('fill', '#000');
  svg.append(background, modules);
  return svg;
}

/**
 * Opens a modal dialog inside `host` with the QR code of `url` (the product
 * page marked `#cartlift-ar=SKU`) and the link itself; Escape or "Close"
 * returns focus to the button that opened it. Its styles live in a shadow root
 * (adopted, so a strict CSP allows them) and the page's CSS leaves it alone.
 *
 * @example
 * openQrDialog(arButtonElement, 'https://shop.example/pot#cartlift-ar=POT', 'en')
 */
export function openQrDialog(host: HTMLElement, url: string, locale: ArLocale): void {
  const text = QR_TEXT[locale];
  const existing = host.querySelector<HTMLElement>('.cartlift-ar-qr')?.shadowRoot?.querySelector('dialog');
  if (existing) {
    existing.showModal();
    return;
  }
  const box = Object.assign(document.createElement('div'), { className: 'cartlift-ar-qr' });
  const root = box.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-labelledby', 'qr-title');
  const title = Object.assign(document.createElement('h2'), { id: 'qr-title', textContent: text.title });
  const svg = qrSvg(url);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', url);
  svg.part.add('qr');
  const hint = Object.assign(document.createElement('p'), { textContent: text.hint });
  const link = Object.assign(document.createElement('a'), { href: url, textContent: url });
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: text.close });
  close.onclick = () => dialog.close();
  const linkLine = document.createElement('p');
  linkLine.append(link);
  dialog.append(title, svg, hint, linkLine, close);
  root.append(dialog);
  host.append(box);
  dialog.showModal();
}
