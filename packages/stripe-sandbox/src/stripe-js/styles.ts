/** The look-alike's styles, adopted as a constructed stylesheet (no <style> text, no style attributes). */
export const CSS_TEXT = `
:host{display:block;font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:#1a1f36;font-size:16px}
.root{display:grid;gap:.75rem;padding:.75rem;border:1px dashed #b25e09;border-radius:.5rem;background:#fff}
.banner{margin:0;padding:.35rem .6rem;border-radius:.35rem;background:#fff4e5;color:#6b3600;font-weight:600;font-size:.85rem}
[role=tablist]{display:flex;gap:.5rem;flex-wrap:wrap}
[role=tab]{font:inherit;padding:.55rem .9rem;border:1px solid #8792a2;border-radius:.4rem;background:#fff;color:#1a1f36;cursor:pointer}
[role=tab][aria-selected=true]{border-color:#4b44d6;box-shadow:0 0 0 1px #4b44d6;color:#2e2a9c;font-weight:600}
.field{display:grid;gap:.25rem}
.row{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}
label{font-size:.9rem;color:#30313d}
input{font:inherit;padding:.6rem .7rem;border:1px solid #8792a2;border-radius:.4rem;color:#1a1f36;background:#fff;min-width:0}
input[aria-invalid=true]{border-color:#b3093c}
button:focus-visible,input:focus-visible,[role=tab]:focus-visible{outline:3px solid #4b44d6;outline-offset:2px}
.link{font:inherit;font-size:.9rem;justify-self:start;padding:.3rem 0;border:0;background:none;color:#2e2a9c;text-decoration:underline;cursor:pointer}
.note{margin:0;font-size:.9rem;color:#30313d}
.error{margin:0;min-height:1em;color:#b3093c;font-size:.9rem}
.wallet{font:inherit;width:100%;padding:0 1rem;border:0;border-radius:.5rem;background:#1a1f36;color:#fff;font-weight:600;cursor:pointer;display:flex;align-items:center;justify-content:center;gap:.5rem;box-sizing:border-box}
.test-badge{font-size:.7rem;padding:.1rem .35rem;border-radius:.25rem;background:#fff4e5;color:#6b3600}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.overlay{position:fixed;inset:0;display:grid;place-items:center;background:rgba(10,15,30,.55);z-index:2147483647}
.dialog{max-width:22rem;width:calc(100% - 2rem);display:grid;gap:.75rem;padding:1.25rem;border-radius:.75rem;background:#fff;color:#1a1f36}
.dialog h2{margin:0;font-size:1.15rem}
.dialog svg{justify-self:center;width:180px;height:180px}
.actions{display:flex;gap:.5rem;flex-wrap:wrap}
.primary{font:inherit;padding:.6rem 1rem;border:0;border-radius:.4rem;background:#0a6b3a;color:#fff;font-weight:600;cursor:pointer}
.secondary{font:inherit;padding:.6rem 1rem;border:1px solid #8792a2;border-radius:.4rem;background:#fff;color:#1a1f36;cursor:pointer}
[hidden]{display:none!important}
`;
