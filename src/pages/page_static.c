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
    "mark{background:#ffe08a;color:inherit}.hits li{margin:.4rem 0}"
    ".snippet{color:var(--muted);font-size:.92rem}form.search input{width:min(30rem,70%)}"
    "svg.chart{width:100%;max-width:46rem;height:auto;background:#fff;border:1px solid var(--line);"
    "margin:.5rem 0 1rem;font-family:inherit}"
    "footer{color:var(--muted);font-size:.85rem;text-align:center;padding:2rem 1rem}"
    "pre.doc{white-space:pre-wrap;background:#fff;border:1px solid var(--line);padding:1rem}"
    "@media (max-width:40rem){table,thead,tbody,tr,th,td{display:block}"
    "thead{display:none}td{border:0;border-bottom:1px solid var(--line)}"
    "tr{border:1px solid var(--line);margin-bottom:.6rem}.logout{margin-left:0}}"
    "@media print{header.top,footer,form,.pager{display:none}body{background:#fff;"
    "font-size:13pt}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}"
    "table{page-break-inside:auto}tr{page-break-inside:avoid}}\n";

int page_static_css(struct http_req *r)
{
	r->ctype = "text/css; charset=utf-8";
	return buf_add(&r->out, css, sizeof(css) - 1);
}
