/** The HTML report's styles (inline in the file: it loads nothing). */
export const REPORT_STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#111;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;overflow-wrap:anywhere}
h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}
h3{font-size:1rem;overflow-wrap:anywhere}
.banner{border:3px solid #b00020;background:#fde7ea;color:#7a0014;padding:.75rem 1rem;margin:1rem 0;font-size:1.05rem;overflow-wrap:anywhere}
.notice{background:#fff7e0;border-left:4px solid #e0a800;padding:.4rem .75rem;overflow-wrap:anywhere}
dl.facts{display:grid;grid-template-columns:minmax(8rem,14rem) minmax(0,1fr);gap:.2rem 1rem;margin:.5rem 0}
dl.facts dt{color:#555}
dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;overflow-wrap:anywhere;word-break:break-all}
table{border-collapse:collapse;width:100%;table-layout:fixed}
.table-scroll{overflow-x:auto;max-width:100%}
table.annotations{min-width:36rem}
th,td{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top;text-align:left;overflow-wrap:anywhere;white-space:pre-line}
table.settings th{width:40%;font-weight:normal;color:#555}
table.annotations{font-size:.85rem}
col.c-num{width:2.2rem} col.c-status{width:5rem} col.c-emotion{width:5.5rem} col.c-time{width:7.5rem} col.c-dur{width:5.5rem} col.c-who{width:auto}
tbody.status-rejected td{color:#666}
tr.note-row td{white-space:normal;background:#f7f7f7}
.user-text{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
.origin{color:#666;font-size:.8rem}
figure{margin:1rem 0;max-width:100%}
svg.figure{width:100%;height:auto;display:block}
figcaption{font-size:.8rem;color:#444;overflow-wrap:anywhere}
.grabs{display:flex;flex-wrap:wrap;gap:.75rem}
figure.grab{margin:0;width:calc((100% - 3.75rem)/6);min-width:6rem}
figure.grab figcaption{font-size:.7rem;white-space:pre-line}
.warning{border:2px solid #b00020;color:#7a0014;background:#fde7ea;padding:.4rem .75rem;font-weight:bold;overflow-wrap:anywhere}
.signature{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:1.5rem 0}
.signature>span:first-child{flex:1 1 100%;overflow-wrap:anywhere}
.signature .date{flex:0 1 12rem;border-bottom:1px solid #333;min-height:2rem}
.signature .line{flex:1 1 12rem;border-bottom:1px solid #333;min-height:2rem}
p.method{max-width:50rem}
figure.grab img{width:100%;height:auto;image-rendering:pixelated;border:1px solid #999;display:block}
.nograb{border:1px dashed #999;padding:1rem;color:#666;font-size:.85rem}
section.accepted{border-top:1px solid #eee;margin-top:1rem}
p.limitation{max-width:50rem}
footer{margin-top:2rem;color:#666;font-size:.75rem;overflow-wrap:anywhere}
@media print{main{max-width:none;padding:0} details{display:none}}
`;
