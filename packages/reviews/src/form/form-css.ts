/** The form's styles, inside its shadow root: the page's CSS neither reaches in nor is touched. */
export const formCss = `
dialog{box-sizing:border-box;width:min(34rem,100vw);max-height:100dvh;margin:auto;padding:1.25rem;border:0;border-radius:12px;color:#1f2937;background:#fff;font:16px/1.5 system-ui,sans-serif;overflow:auto}
dialog::backdrop{background:#0008}
@media (max-width:600px){dialog{width:100vw;height:100dvh;border-radius:0}}
h2{margin:0 2.5rem .75rem 0;font-size:1.25rem}
label,legend{display:block;font-weight:600;margin:.75rem 0 .25rem}
input,textarea,select{box-sizing:border-box;width:100%;font:inherit;padding:.5rem;border:1px solid #6b7280;border-radius:6px;color:inherit;background:#fff}
textarea{min-height:7rem}
fieldset{border:0;margin:0;padding:0}
.stars{display:flex;gap:.25rem}
.stars label{position:relative;margin:0;font-size:2rem;line-height:1;color:#6b7280;cursor:pointer}
.stars input{position:absolute;inset:0;opacity:0;margin:0;cursor:pointer}
.stars label:has(input:checked),.stars label:has(~label input:checked){color:#b45309}
.stars label:has(input:focus-visible){outline:3px solid #1d4ed8;outline-offset:2px;border-radius:4px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.problem{color:#b91c1c;margin:.25rem 0 0;font-size:.9rem}
.problem:empty{display:none}
ul{list-style:none;margin:.5rem 0 0;padding:0}
li{display:flex;gap:.5rem;align-items:center;margin:.25rem 0}
li span{flex:1;overflow-wrap:anywhere}
progress{width:5rem}
button{font:inherit;padding:.6rem 1rem;border-radius:6px;border:1px solid #1f2937;background:#fff;color:#1f2937;cursor:pointer}
.primary{margin-top:1rem;width:100%;background:#1f2937;color:#fff}
.close{position:absolute;top:.75rem;right:.75rem;padding:.25rem .6rem}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.status{margin:.75rem 0 0;font-weight:600}
.status:empty{display:none}
`;
