"""build/portfolio.html: one self-contained page (no network, no server) — a sortable table of the
deals, the positioning map of all deals as inline SVG, the chain health, links to each deal's documents."""

from __future__ import annotations

from html import escape

from pipeline.load.model import CHAIN_LEVELS, DIMENSIONS
from pipeline.portfolio.rows import FAIL, PASS, SMART, WORDS, DealRow, dimension_label
from pipeline.words.labels import label
from pipeline.words.wording import margin, payback

STATUS_COLOURS = {"strong": "#2e7d32", "held": "#66bb6a", "weak": "#f9a825", "broken": "#c62828",
                  "missing": "#9e9e9e"}
MAP = (640, 420, 60)  # width, height, margin of the positioning map in px
NAMED_BUBBLES = 12  # more deals than this: names only as tooltips, or they cover each other

SORT_SCRIPT = """
document.querySelectorAll('table.deals th').forEach(function (th, column) {
  th.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    th.closest('tr').querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    function key(row) {
      var cell = row.cells[column], value = cell.getAttribute('data-sort');
      if (value === null) { value = cell.textContent.trim(); }
      return /^-?\\d+(\\.\\d+)?$/.test(value) ? parseFloat(value) : value;
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b), order;
      if (typeof x === 'number' && typeof y === 'number') { order = x - y; }
      else { order = String(x).localeCompare(String(y)); }
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
"""

STYLE = """
body { font-family: "Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 24px; color: #222; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
table.deals, table.chain-health { border-collapse: collapse; font-size: 13px; }
table.chain-health th { background: #ddebf7; padding: 4px 6px; text-align: left; }
table.chain-health td { border-top: 1px solid #ddd; padding: 4px 6px; }
table.deals th { background: #ddebf7; cursor: pointer; position: sticky; top: 0; padding: 4px 6px; text-align: left; }
table.deals th[aria-sort=ascending]::after { content: " ▲"; } table.deals th[aria-sort=descending]::after { content: " ▼"; }
table.deals td { border-top: 1px solid #ddd; padding: 4px 6px; vertical-align: top; }
td.bad { background: #ffc7ce; color: #9c0006; } td.num { text-align: right; }
.chain span { display: inline-block; width: 14px; height: 14px; margin-right: 2px; border-radius: 2px; }
.docs a { margin-right: 6px; } .hint { color: #777; font-size: 12px; }
"""


def portfolio_page(rows: list[DealRow], lang: str) -> str:
    w = WORDS[lang]
    parts = [
        "<!DOCTYPE html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(w['page_title'])}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<h1>{escape(w['page_title'])}</h1>", f'<p class="hint">{escape(w["sort_hint"])}</p>',
        table(rows, lang),
        f"<h2>{escape(w['map'])}</h2>", positioning_map(rows, lang),
        f"<h2>{escape(w['chain'])}</h2>", chain_legend(lang), chain_table(rows, lang),
        f"<script>{SORT_SCRIPT}</script>", "</body>", "</html>",
    ]
    return "\n".join(parts) + "\n"


def cell(text: object, sort: object = None, bad: bool = False, numeric: bool = False) -> str:
    classes = " ".join(c for c, on in (("bad", bad), ("num", numeric)) if on)
    attributes = (f' class="{classes}"' if classes else "") + (f' data-sort="{escape(str(sort))}"' if sort is not None
                                                                 else "")
    return f"<td{attributes}>{text}</td>"


def table(rows: list[DealRow], lang: str) -> str:
    w = WORDS[lang]
    headings = [w["deal"], w["customer"], w["type"], w["date"], w["stage"],
                *(w["margin"] + dimension_label(lang, d) for d in DIMENSIONS),
                w["disadvantage"], w["top"], w["chain"], "SMART", w["payback"], w["documents"]]
    head = "".join(f"<th>{escape(h)}</th>" for h in headings)
    body = "".join(f'<tr data-deal="{escape(r.id)}">{row_cells(r, lang)}</tr>' for r in rows)
    return f'<table class="deals"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def row_cells(r: DealRow, lang: str) -> str:
    w = WORDS[lang]
    smart = " ".join(f"{letter}{PASS if r.smart[letter] else FAIL}" for letter in SMART)
    cells = [
        cell(escape(r.title), r.id), cell(escape(r.customer)), cell(escape(r.customer_type)), cell(r.date),
        cell(escape(w[f"stage_{r.stage}"]), r.stage),
        *(cell(margin(r.margin[d]), r.margin[d], bad=r.margin[d] <= -5, numeric=True) for d in DIMENSIONS),
        cell(r.counts["disadvantage"], r.counts["disadvantage"], bad=r.counts["disadvantage"] > 0, numeric=True),
        cell(escape(w[f"status_{r.top}"]), r.top, bad=r.top in ("broken", "missing")),
        cell(chain_squares(r, lang), r.held, bad=r.broken > 0),
        cell(smart, sum(r.smart.values()), bad=not all(r.smart.values())),
        cell("" if r.payback is None else payback(r.payback), "" if r.payback is None else r.payback, numeric=True),
        cell(documents(r, lang)),
    ]
    return "".join(cells)


def chain_squares(r: DealRow, lang: str) -> str:
    w = WORDS[lang]
    squares = "".join(f'<span title="{escape(label(lang, level))}: {escape(w["status_" + r.chain[level]])}" '
                      f'style="background:{STATUS_COLOURS[r.chain[level]]}"></span>' for level in CHAIN_LEVELS)
    return f'<span class="chain">{squares}</span> {r.held}/4'


def documents(r: DealRow, lang: str) -> str:
    w = WORDS[lang]
    names = {"analysis.json": "analysis", "training-deck.pptx": "deck", "brief-senior.docx": "brief_senior",
             "brief-middle.docx": "brief_middle", "brief-frontline.docx": "brief_frontline"}
    links = [f'<a href="{escape(path)}">{escape(w[names[kind]])}</a>' for kind, path in r.documents.items()
             if kind in names]
    return f'<span class="docs">{"".join(links)}</span>'


def positioning_map(rows: list[DealRow], lang: str) -> str:
    """Each deal at (business margin, key-buying-factor margin), sized by our relationship index."""
    width, height, pad = MAP
    w = WORDS[lang]
    xs = [r.margin["business_capabilities"] for r in rows] or [0.0]
    ys = [r.margin["key_buying_factors"] for r in rows] or [0.0]
    reach = max(10.0, *(abs(v) for v in xs + ys)) * 1.1

    def at(x: float, y: float) -> tuple[float, float]:
        return (pad + (x + reach) / (2 * reach) * (width - 2 * pad),
                height - pad - (y + reach) / (2 * reach) * (height - 2 * pad))

    cx, cy = at(0, 0)
    shapes = [f'<line x1="{pad}" y1="{cy:.1f}" x2="{width - pad}" y2="{cy:.1f}" stroke="#999"/>',
              f'<line x1="{cx:.1f}" y1="{pad}" x2="{cx:.1f}" y2="{height - pad}" stroke="#999"/>',
              f'<text x="{width / 2}" y="{height - 15}" text-anchor="middle" font-size="12">{escape(w["map_x"])}</text>',
              f'<text x="15" y="{height / 2}" text-anchor="middle" font-size="12" '
              f'transform="rotate(-90 15 {height / 2})">{escape(w["map_y"])}</text>']
    for r in rows:
        x, y = at(r.margin["business_capabilities"], r.margin["key_buying_factors"])
        radius = 4 + r.relationship_index / 100 * 14
        colour = "#c62828" if r.counts["disadvantage"] or r.top in ("broken", "missing") else "#1f4e79"
        name = (f'<text x="{x:.1f}" y="{y - radius - 3:.1f}" text-anchor="middle" font-size="11">'
                f'{escape(r.customer)}</text>') if len(rows) <= NAMED_BUBBLES else ""
        shapes.append(f'<g class="bubble" data-deal="{escape(r.id)}"><title>{escape(r.customer)} · {escape(r.title)}'
                      f'</title><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" '
                      f'fill-opacity="0.55"/>{name}</g>')
    caption = f'<p class="hint">{escape(w["map_size"])}</p>'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img">{"".join(shapes)}</svg>{caption}')


def chain_legend(lang: str) -> str:
    w = WORDS[lang]
    items = "".join(f'<span style="background:{colour}"></span>{escape(w["status_" + status])} '
                    for status, colour in STATUS_COLOURS.items())
    order = " → ".join(escape(label(lang, level)) for level in CHAIN_LEVELS)
    return f'<p class="chain">{items}</p><p class="hint">{order}</p>'


def chain_table(rows: list[DealRow], lang: str) -> str:
    """Each deal's four chain levels, the status of the strongest link at each, broken ones first."""
    w = WORDS[lang]
    head = "".join(f"<th>{escape(h)}</th>" for h in (w["customer"], *(label(lang, lv) for lv in CHAIN_LEVELS),
                                                        w["broken"], w["surrounding"]))
    ordered = sorted(rows, key=lambda r: (-r.broken, r.held, r.id))
    body = "".join(
        "<tr>" + cell(escape(r.customer)) + "".join(
            f'<td><span class="chain"><span style="background:{STATUS_COLOURS[r.chain[lv]]}"></span></span>'
            f'{escape(w["status_" + r.chain[lv]])}</td>' for lv in CHAIN_LEVELS)
        + cell(r.broken, bad=r.broken > 0, numeric=True) + cell(escape(r.surrounding)) + "</tr>"
        for r in ordered)
    return f'<table class="chain-health"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
