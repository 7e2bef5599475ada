/**
 * Adds CSS to a shadow root as a constructed stylesheet, which a strict CSP
 * (no 'unsafe-inline') allows, unlike a <style> element.
 *
 * @example
 * adoptStyles(this.attachShadow({ mode: 'open' }), ':host{display:inline-block}');
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Theme: override the custom properties on the element, or style its ::part()s. */
export const baseCss = `
:host{--cl-accent:var(--cartlift-accent,#1f5f4a);--cl-on-accent:var(--cartlift-on-accent,#fff);--cl-bg:var(--cartlift-background,#fff);--cl-fg:var(--cartlift-foreground,#1a1a1a);--cl-muted:var(--cartlift-muted,#595959);--cl-radius:var(--cartlift-radius,8px);font-family:var(--cartlift-font,system-ui,sans-serif);color:var(--cl-fg)}
button{font:inherit;cursor:pointer;border-radius:var(--cl-radius);border:1px solid var(--cl-accent);background:var(--cl-bg);color:var(--cl-accent);padding:.5em .9em;min-height:44px;min-width:44px}
button:focus-visible{outline:3px solid var(--cl-accent);outline-offset:2px}
.primary{background:var(--cl-accent);color:var(--cl-on-accent)}
:host([headless]){display:contents}
[hidden]{display:none!important}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
