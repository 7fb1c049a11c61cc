/* page_static.c: the stylesheet, embedded in the binary (screen, phone and print). */
#include "pages/pages.h"

static const char css[] =
    ":root{--ink:#1b1b1b;--muted:#5b5b5b;--line:#d6d6d6;--accent:#a3161a;--bg:#fafaf7;"
    "--ok:#1e6b34;--warn:#9a6200;--bad:#a3161a}"
    "*{box-sizing:border-box}"
    "body{margin:0;font:16px/1.5 'Liberation Serif','Times New Roman',serif;color:var(--ink);"
    "background:var(--bg)}"
    "header.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.2rem;"
    "padding:.5rem 1rem;background:var(--accent);color:#fff}"
    "header.top a{color:#fff;text-decoration:none}"
    ".brand{font-weight:bold;font-size:1.2rem}"
    "nav{display:flex;flex-wrap:wrap;gap:.3rem 1rem}"
    "nav a:hover{text-decoration:underline}"
    ".logout{margin-left:auto;display:flex;gap:.5rem;align-items:center}"
    "main{max-width:70rem;margin:0 auto;padding:1rem}"
    "h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}"
    "table{border-collapse:collapse;width:100%;background:#fff}"
    "th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}"
    "th{background:#f0eee8}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}"
    ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:1rem}"
    ".card{background:#fff;border:1px solid var(--line);padding:.8rem}"
    ".card .big{font-size:2rem;font-weight:bold}"
    ".muted{color:var(--muted)}.mat{color:var(--bad);font-weight:bold}"
    ".error{background:#fff;border-left:4px solid var(--bad);padding:1rem}"
    ".notice{background:#fff;border-left:4px solid var(--ok);padding:.5rem 1rem}"
    "form.stack{display:grid;gap:.6rem;max-width:28rem}"
    "form.stack label{display:grid;gap:.2rem}"
    "input,select,textarea,button{font:inherit;padding:.35rem .5rem}"
    "button{background:var(--accent);color:#fff;border:0;cursor:pointer}"
    ".logout button{background:#fff;color:var(--accent)}"
    ".pager{margin:1rem 0}"
    "ul.fields{margin:0;padding-left:1rem;font-size:.92em;overflow-wrap:anywhere}"
    "table.audit td:nth-child(-n+2){white-space:nowrap}"
    "mark{background:#ffe08a;color:inherit}.hits li{margin:.4rem 0}"
    ".snippet{color:var(--muted);font-size:.92rem}form.search input{width:min(30rem,70%)}"
    "iframe.paper{width:100%;height:42rem;border:1px solid var(--line);background:#fff}"
    "details.picker,details.advanced{margin:.8rem 0}button.small{padding:.1rem .4rem;"
    "font-size:.85rem;margin:.1rem}"
    "svg.chart{display:block;width:100%;max-width:30rem;height:auto;background:#fff;border:1px "
    "solid var(--line);"
    "margin:.5rem 0 1rem;font-family:inherit}"
    "footer{color:var(--muted);font-size:.85rem;text-align:center;padding:2rem 1rem}"
    "pre.doc{white-space:pre-wrap;background:#fff;border:1px solid var(--line);padding:1rem;"
    "font-family:'Liberation Mono','DejaVu Sans Mono',monospace;font-size:.9rem}"
    "a.button{display:inline-block;background:var(--accent);color:#fff;padding:.3rem .8rem;"
    "text-decoration:none;margin-right:.4rem}"
    "form.stack.wide{max-width:none}form.stack textarea{width:100%}"
    ".warnings li.err{color:var(--bad)}.warnings li.warn{color:var(--warn)}"
    ".badge{padding:0 .35rem;border-radius:.2rem;font-size:.85rem;white-space:nowrap}"
    ".st-ok{background:#d9efdf}.st-late{background:#fbe9c9}.st-bad{background:#f6d3d3}"
    ".st-open{background:#e6e6e6}.bad{color:var(--bad)}td.overdue{color:var(--bad)}"
    "ol.timeline li{margin:.4rem 0}form.report{margin-top:.5rem}"
    /* indicator entry and export */
    "form.choose{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:0 0 1rem}"
    "table.grid input.val{width:100%;max-width:11rem;text-align:right}"
    "table.grid tr.d1 td:first-child{padding-left:1.5rem}"
    "table.grid tr.d2 td:first-child{padding-left:2.5rem}"
    "table.grid tbody{border-top:2px solid var(--ink)}"
    "table.grid tr.bad td{background:#fbeaea}"
    ".cellerr{display:block;color:var(--bad);font-size:.9rem}"
    ".actions{margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}"
    /* administration */
    "nav.sub{margin:0 0 1rem;padding:.4rem 0;border-bottom:1px solid var(--line)}"
    "nav.sub a[aria-current]{font-weight:bold;color:var(--ink);text-decoration:none}"
    ".ferr{color:var(--bad);font-size:.92rem}form.inline{display:flex;flex-wrap:wrap;"
    "gap:.3rem;align-items:end;margin:.2rem 0}button.danger{background:#5b5b5b}"
    "ul.members,ol.recipients{margin:0;padding-left:1.2rem}"
    "select,input{max-width:100%}form.stack select{width:100%}td{overflow-wrap:anywhere}"
    /* the session page's sections: a heading that folds what follows it */
    "details.sec{margin:1.2rem 0 .5rem}details.sec>summary{cursor:pointer}"
    "details.sec>summary h2{display:inline;margin:0}"
    ".count{color:var(--muted);font-weight:normal}"
    /*
     * On a phone a list table is a pile of cards: a row is a card, each cell
     * its column's label (data-label, from the header, layout.c) beside its value.
     */
    "@media (max-width:40rem){main{padding:.6rem}.logout{margin-left:0}"
    "table,thead,tbody,tr,th,td{display:block}thead{display:none}"
    "tr{border:1px solid var(--line);margin-bottom:.6rem;background:#fff}"
    "td,th{border:0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}"
    "tr>:last-child{border-bottom:0}"
    "td[data-label]{display:flow-root;padding-left:7.5rem}"
    "td[data-label]::before{content:attr(data-label);float:left;width:6.5rem;margin-left:-7rem;"
    "font-size:.85rem;line-height:1.3;padding-top:.15rem;color:var(--muted)}"
    "td:empty,td[data-label]:empty{display:none}"
    "td.num{text-align:left}table.grid tbody{border-top:0}"
    "table.grid tr.d1 td:first-child{padding-left:8.25rem}"
    "table.grid tr.d2 td:first-child{padding-left:9rem}"
    "table.grid input.val{max-width:none}form.search input{width:100%}"
    "svg.chart{max-width:100%}section.vote h3{font-size:1.05rem}}"
    "@media print{header.top,footer,form,.pager{display:none}body{background:#fff;"
    "font-size:13pt}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}"
    "table{page-break-inside:auto}tr{page-break-inside:avoid}}\n";

/*
 * The little script the pages use, served from here so that the pages'
 * Content-Security-Policy needs no inline script: a button with
 * data-insert="TEXT" inserts TEXT at the cursor of the textarea its
 * data-target names (the notice composer's figure picker).
 */
static const char js[] =
    "document.addEventListener('click',function(e){"
    "var b=e.target.closest('[data-insert]');if(!b)return;"
    "var t=document.getElementById(b.getAttribute('data-target'));if(!t)return;"
    "var v=b.getAttribute('data-insert'),s=t.selectionStart,f=t.selectionEnd;"
    "if(s==null){s=f=t.value.length;}"
    "t.value=t.value.slice(0,s)+v+t.value.slice(f);t.focus();"
    "t.selectionStart=t.selectionEnd=s+v.length;});\n";

int page_static_js(struct http_req *r)
{
	r->ctype = "text/javascript; charset=utf-8";
	return buf_add(&r->out, js, sizeof(js) - 1);
}

int page_static_css(struct http_req *r)
{
	r->ctype = "text/css; charset=utf-8";
	return buf_add(&r->out, css, sizeof(css) - 1);
}
