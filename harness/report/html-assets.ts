/** Inline CSS and script for the HTML report (inline so the file opens offline, alone). */
export const HTML_STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}header p{color:#5a6275;margin:0}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #e3e6ec;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f4f6f9;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.fail td{background:#fff1f0}tr.info td{color:#6b7280}.good{color:#0a7a32}.bad{color:#b42318}
.banner{padding:12px 16px;border-radius:8px;margin:16px 0}.banner h2{margin:0}.banner.pass{background:#e7f6ec;border:1px solid #9bd3ad}
.banner.fail,.banner.regressed{background:#fdecea;border:1px solid #f1a39b}.banner.interrupted{background:#fff6e0;border:1px solid #f0cf7a}
.matrix{width:auto}.note{color:#6b7280;font-size:12px}.ci,small{color:#6b7280;font-size:11px}#filter{margin:8px 0;padding:6px 8px;width:320px}
canvas{max-width:100%}.charts{display:flex;flex-wrap:wrap;gap:12px}.charts figure{margin:0;border:1px solid #e3e6ec;border-radius:6px;padding:6px}
details summary{cursor:pointer;max-width:420px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}details p{white-space:pre-wrap;max-width:640px}
.badge{display:inline-block;padding:0 6px;border-radius:9px;font-size:11px;background:#fff6e0;border:1px solid #f0cf7a;color:#7a4b00}.hops{margin:2px 0 0;padding-left:18px}
`;

export const HTML_SCRIPT = `
(function(){var f=document.getElementById('filter');if(!f)return;var rows=document.querySelectorAll('#requests tbody tr');
f.addEventListener('input',function(){var q=f.value.toLowerCase();rows.forEach(function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';});});})();
`;

/** Draws every `<canvas data-chart>` from the embedded specs, once chart.js (inlined) is loaded. */
export const CHART_SCRIPT = `
(function(){var el=document.getElementById('chart-specs');if(!el||!window.Chart)return;var specs=JSON.parse(el.textContent);
specs.forEach(function(s){var c=document.querySelector('canvas[data-chart="'+s.id+'"]');if(c){c.dataset.drawn='pending';new Chart(c,s.config);c.dataset.drawn='yes';}});})();
`;
