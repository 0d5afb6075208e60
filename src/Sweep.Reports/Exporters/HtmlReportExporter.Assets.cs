namespace Sweep.Reports.Exporters;

/// <summary>
/// The page's inline style and table script: no fonts, styles or scripts fetched from anywhere. The page follows
/// the reader's light or dark theme; charts sit on a light card in both, as their colours are drawn for one.
/// The page is wide enough for a 960-pixel chart and a sweep's usual trials table; prose keeps a readable measure.
/// A wider table scrolls inside its own box, no taller than the window so its horizontal scrollbar is in view,
/// with its heading row and trial column held in place.
/// </summary>
public sealed partial class HtmlReportExporter
{
    private const string Css =
        ":root{color-scheme:light dark;--fg:#222;--bg:#fff;--muted:#666;--rule:#ddd;--card:#fff;--good:#1a7f37;--slow:#9a6700;--oscillating:#bc4c00;--overfitting:#8250df;--bad:#cf222e}" +
        "@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9da7b3;--rule:#30363d;--card:#f6f8fa;--good:#3fb950;--slow:#d29922;--oscillating:#f0883e;--overfitting:#a371f7;--bad:#ff7b72}}" +
        "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:var(--fg);background:var(--bg)}p,ol,ul{max-width:64rem}" +
        "h1{margin-bottom:.25rem}.meta,.hint{color:var(--muted);font-size:.9rem}.description{font-size:1.1rem}" +
        ".scroll{overflow:auto;max-height:80vh}.scroll thead th{position:sticky;top:0;z-index:1;background:var(--bg)}" +
        ".scroll tbody td:first-child{position:sticky;left:0;background:var(--bg)}.scroll thead th:first-child{left:0;z-index:2}" +
        "table{border-collapse:collapse;margin:.5rem 0}th,td{border-bottom:1px solid var(--rule);padding:.25rem .6rem;text-align:left}" +
        "td.number{text-align:right;font-variant-numeric:tabular-nums}table.sortable th{cursor:pointer;user-select:none}" +
        "th[data-order=asc]::after{content:' \\25B2'}th[data-order=desc]::after{content:' \\25BC'}" +
        "input{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--rule);border-radius:4px;padding:.15rem .4rem}" +
        "figure{margin:0;width:fit-content;max-width:100%;box-sizing:border-box;background:var(--card);border-radius:6px;padding:.5rem}svg{max-width:100%;height:auto;display:block}" +
        ".label-good{color:var(--good)}.label-slow{color:var(--slow)}.label-oscillating{color:var(--oscillating)}.label-overfitting{color:var(--overfitting)}.label-diverging,.status-failed,.status-diverged{color:var(--bad)}";

    /// <summary>The label of the loss curves' own view: the loss that judges each epoch.</summary>
    private const string LossView = "loss (validation loss when there is one)";

    // A chart's metric selector shows the chosen view of that chart and hides its others.
    private const string ViewScript =
        "document.querySelectorAll('select.view-picker').forEach(s=>{if(s.dataset.bound)return;s.dataset.bound='1';s.addEventListener('change',()=>" +
        "s.closest('section').querySelectorAll('div.view').forEach(v=>v.hidden=v.dataset.view!==s.value));});";

    // Sorting: a click on a heading sorts by its column, numbers by their exact data-value (empty last).
    // Filtering: a row stays when its text contains every word typed, in any case.
    private const string TableScript =
        "document.querySelectorAll('table.sortable th').forEach((th,column)=>th.addEventListener('click',()=>{" +
        "const body=th.closest('table').tBodies[0];const numeric=th.dataset.type==='number';" +
        "const ascending=th.dataset.order!=='asc';th.closest('tr').querySelectorAll('th').forEach(h=>delete h.dataset.order);" +
        "th.dataset.order=ascending?'asc':'desc';" +
        "const key=row=>{const cell=row.cells[column];if(!numeric)return cell.textContent;" +
        "const v=cell.dataset.value;return v===''||isNaN(Number(v))?Infinity:Number(v);};" +
        "[...body.rows].sort((a,b)=>{const x=key(a),y=key(b);return (x<y?-1:x>y?1:0)*(ascending?1:-1);}).forEach(r=>body.appendChild(r));}));" +
        "const filter=document.getElementById('trial-filter'),count=document.getElementById('trial-count');" +
        "filter.addEventListener('input',()=>{const words=filter.value.toLowerCase().split(/\\s+/).filter(w=>w);" +
        "const rows=[...document.getElementById('trials').tBodies[0].rows];let shown=0;" +
        "rows.forEach(row=>{const text=row.textContent.toLowerCase();row.hidden=!words.every(w=>text.includes(w));if(!row.hidden)shown++;});" +
        "count.textContent=words.length?shown+' of '+rows.length+' trials':rows.length+' trials';});";
}
