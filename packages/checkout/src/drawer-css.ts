/**
 * Drawer and checkout layout; shipped in the drawer chunk, not the first one.
 * Stays below z-index 2147483647, where Stripe puts its own overlays.
 * Fieldsets take min-width:0 (their default is their content's min-content
 * width) and the payment slot max-width:100%, so whatever Stripe mounts is laid
 * out in the drawer's width instead of widening the sheet past it.
 */
export const drawerCss = `
dialog{position:fixed;inset:0 0 0 auto;z-index:2147483001;margin:0;height:100%;max-height:100%;width:min(440px,100%);border:0;padding:0;overflow:auto;background:var(--cl-bg);color:var(--cl-fg);box-shadow:-8px 0 24px rgb(0 0 0/.2)}
.backdrop{position:fixed;inset:0;z-index:2147483000;background:rgb(0 0 0/.4)}
.panel{display:flex;flex-direction:column;gap:1rem;padding:1.25rem;min-height:100%;box-sizing:border-box;overflow-wrap:break-word;text-wrap:pretty}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem}
h2{font-size:1.25rem;margin:0;min-width:0}
h2:focus{outline:none}
h3{font-size:1rem;margin:0 0 .5rem}
ul{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.75rem}
li[part=line]{display:grid;grid-template-columns:auto 1fr;gap:.5rem 1rem;align-items:center}
li img{border-radius:var(--cl-radius);object-fit:cover;grid-row:span 2}
.info{display:flex;flex-direction:column;gap:.25rem}
.name{font-weight:600;overflow-wrap:anywhere}
.qty{display:flex;align-items:center;gap:.5rem;grid-column:2}
.add-on{margin-left:2rem;padding-left:.75rem;border-left:1px solid #ddd}
.add-on input{width:24px;height:24px;padding:0}
.qty [part=quantity]{min-width:2ch;text-align:center}
.order-item{display:flex;justify-content:space-between;gap:1rem}
.link{border:0;text-decoration:underline;color:var(--cl-fg);background:none;padding:.25rem;min-width:0}
.muted{color:var(--cl-muted);font-weight:normal}
.error{color:#a4161a;margin:.25rem 0 0}
.error:empty{margin:0}
.banner{background:#fdf0d5;border-radius:var(--cl-radius);padding:.6rem .8rem;margin:0;font-weight:600;color:#5c3b00}
.summary{display:flex;flex-direction:column;gap:.6rem}
.status-line{min-height:1lh}
.progress p{margin:0 0 .35rem}
.bar{height:8px;background:#e8e4da;border-radius:4px;overflow:hidden}
.bar div{height:100%;background:var(--cl-accent)}
dl{margin:0;display:flex;flex-direction:column;gap:.35rem}
dl div{display:flex;justify-content:space-between;gap:1rem}
dd{margin:0;white-space:nowrap}
.discount{color:#1f5f4a}
.total{font-weight:700;font-size:1.1rem;border-top:1px solid #ddd;padding-top:.5rem;display:flex;justify-content:space-between;margin:0}
.add-ons li,.codes li{display:flex;justify-content:space-between;align-items:center;gap:.5rem}
.coupon .row{display:flex;gap:.5rem}
.coupon .row input{flex:1;min-width:0}
.codes .applied,.codes .refused{overflow-wrap:anywhere}
input,select{font:inherit;padding:.5rem;border:1px solid #767676;border-radius:var(--cl-radius);min-height:44px;box-sizing:border-box;width:100%}
input:focus-visible,select:focus-visible{outline:3px solid var(--cl-accent);outline-offset:1px}
input[type=checkbox]{width:auto;min-height:0;margin:0}
input[aria-invalid=true]{border-color:#a4161a}
label{display:block;margin-bottom:.25rem;font-size:.95rem}
fieldset{border:0;padding:0;margin:0 0 .75rem;min-width:0;display:flex;flex-direction:column;gap:.6rem}
::slotted([slot=payment]){display:block;min-width:0;max-width:100%}
legend{font-weight:700;margin-bottom:.5rem;padding:0}
.consent{display:grid;grid-template-columns:auto 1fr;gap:.25rem .6rem;align-items:start;margin-bottom:.75rem;font-size:.95rem;line-height:1.4}
.consent input{width:1.25em;height:1.25em;padding:0;margin:calc((1lh - 1.25em)/2) 0 0;accent-color:var(--cl-accent)}
.consent label{margin:0;font-size:inherit}
.consent .link{grid-column:2;justify-self:start}
.sheet,.paid{display:flex;flex-direction:column;gap:.5rem}
.pay,.checkout{width:100%;font-weight:700}
.express{min-height:48px}
button:disabled{opacity:.55;cursor:not-allowed}
button{white-space:nowrap;flex-shrink:0}
`;
