namespace Sweep.Reports.Exporters;

/// <summary>The page's inline style and sorting script: no fonts, styles or scripts fetched from anywhere.</summary>
public sealed partial class HtmlReportExporter
{
    private const string Css =
        "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#222}" +
        "h1{margin-bottom:.25rem}.meta,.hint{color:#666;font-size:.9rem}.description{font-size:1.1rem}" +
        "table{border-collapse:collapse;margin:.5rem 0}th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left}" +
        "td.number{text-align:right;font-variant-numeric:tabular-nums}table.sortable th{cursor:pointer;user-select:none}" +
        "th[data-order=asc]::after{content:' \\25B2'}th[data-order=desc]::after{content:' \\25BC'}" +
        "figure{margin:0}svg{max-width:100%;height:auto}" +
        ".label-good{color:#1a7f37}.label-slow{color:#9a6700}.label-oscillating{color:#bc4c00}.label-diverging,.status-failed{color:#cf222e}";

    private const string SortScript =
        "document.querySelectorAll('table.sortable th').forEach((th,column)=>th.addEventListener('click',()=>{" +
        "const body=th.closest('table').tBodies[0];const numeric=th.dataset.type==='number';" +
        "const ascending=th.dataset.order!=='asc';th.closest('tr').querySelectorAll('th').forEach(h=>delete h.dataset.order);" +
        "th.dataset.order=ascending?'asc':'desc';" +
        "const key=row=>{const cell=row.cells[column];if(!numeric)return cell.textContent;" +
        "const v=cell.dataset.value;return v===''||isNaN(Number(v))?Infinity:Number(v);};" +
        "[...body.rows].sort((a,b)=>{const x=key(a),y=key(b);return (x<y?-1:x>y?1:0)*(ascending?1:-1);}).forEach(r=>body.appendChild(r));}));";
}
