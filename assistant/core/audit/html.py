"""The audit as one self-contained HTML page: a sortable table of every domain and a section per domain.

Jinja2 with autoescaping on (every value comes from DNS, web servers or mail servers: none may become
markup); no external asset (styles and the sorting script are inline), so the page works offline and from
a mail attachment. Rendering streams: the records are read twice from a JSON-lines file (table, then
details) through ``Template.generate``, so memory does not grow with the number of domains.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from assistant.core.audit.clients import CLIENTS
from assistant.core.audit.findings import COUNT_WORDS, VERDICT_WORDS
from assistant.core.audit.report import client_cell
from assistant.core.audit.summary import SOURCE_ORDER
from assistant.core.words.vocabulary import SOURCES

TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mail settings audit ({{ total }} domains)</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em auto;max-width:88em;
 padding:0 1em;color:#1d2329;background:#fff}
h1{font-size:1.5em;margin:.2em 0}
h2{font-size:1.15em;margin:1.6em 0 .4em;border-top:1px solid #d0d7de;padding-top:.8em}
h3{font-size:1em;margin:1em 0 .3em}
.counts span{display:inline-block;margin:.2em .8em .2em 0}
table{border-collapse:collapse;width:100%;margin:.4em 0}
th,td{border-bottom:1px solid #e5e8eb;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f4f6f8;position:sticky;top:0}
#domains th{cursor:pointer;user-select:none;white-space:nowrap}
#domains th:after{content:" \\2195";color:#8a949e}
.v-good{color:#116329}.v-problems{color:#9a3412}.v-nothing_found,.v-no_domain,.v-error{color:#6e7781}
.critical{color:#b42318;font-weight:600}.error{color:#9a3412}.warning{color:#8a6d00}
.yes{color:#116329}.no{color:#b42318}.unknown{color:#6e7781}
code,pre{font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace}
pre{background:#f6f8fa;padding:.6em;overflow:auto;white-space:pre-wrap;word-break:break-all}
details summary{cursor:pointer}small{color:#57606a}
</style></head><body>
<h1>Mail settings audit</h1>
<p class="counts">
{% for verdict, count in counts %}
<span class="v-{{ verdict }}">{{ count }} {{ count_words[verdict] }}</span>
{% endfor %}
<small>domains checked by mail-setup-assistant audit: {{ total }}</small></p>
<div style="overflow-x:auto"><table id="domains"><thead><tr>
<th>Domain</th><th>Verdict</th><th>Worst problem</th><th>Problems</th>
{% for c in clients %}<th>{{ c.label }}</th>{% endfor %}
<th>Certificate days</th></tr></thead><tbody>
{% for r in rows %}
<tr><td><a href="#d-{{ r.domain }}">{{ r.domain_unicode }}</a></td>
<td class="v-{{ r.verdict }}" data-sort="{{ r.rank }}">{{ words[r.verdict] }}</td>
<td>{% if r.problems %}
<span class="{{ r.problems[0].severity }}">{{ r.problems[0].code }}</span>{% endif %}</td>
<td data-sort="{{ r.problems|length }}">{{ r.problems|length }}</td>
{% for c in clients %}
{% set cell = cell_of(r.clients.get(c.name)) %}
<td class="{{ cell_class(cell) }}">{{ cell }}</td>
{% endfor %}
<td data-sort="{{ r.min_days if r.min_days is not none else 99999 }}">{{ r.min_days
 if r.min_days is not none else "" }}</td></tr>
{% endfor %}
</tbody></table></div>
{% for r in details %}
<h2 id="d-{{ r.domain }}">{{ r.domain_unicode }}
 <small class="v-{{ r.verdict }}">{{ words[r.verdict] }}</small></h2>
{% if r.error %}<p>{{ r.error }}</p>{% endif %}
{% if r.problems %}
<h3>Problems</h3><ul>
{% for p in r.problems %}
<li><span class="{{ p.severity }}">{{ p.code }}</span> {{ p.message }}</li>
{% endfor %}
</ul>
{% endif %}
{% if r.clients %}
<h3>Mail programs</h3><table>
<tr><th>Program</th><th>Finds the settings</th><th>From</th><th>Servers work</th></tr>
{% for c in clients %}
{% set v = r.clients.get(c.name) or {} %}
<tr><td>{{ c.label }}</td><td class="{{ yesno(v.finds) }}">{{ yesno(v.finds) }}</td>
<td>{{ source_label(v.source) }}</td><td class="{{ yesno(v.works) }}">{{ yesno(v.works) }}</td></tr>
{% endfor %}
</table>
{% endif %}
{% if r.sources %}
<h3>Sources</h3><table><tr><th>Source</th><th>Outcome</th><th>Servers</th></tr>
{% for name in source_order %}
{% set s = r.sources.get(name) %}
{% if s %}
<tr><td>{{ source_label(name) }}</td>
<td>{{ s.outcome }}{% if s.detail %} <small>{{ s.detail }}</small>{% endif %}</td>
<td>{% for x in s.servers %}<code>{{ x.protocol }} {{ x.host }}:{{ x.port }} {{ x.security }}</code><br>
{% endfor %}</td></tr>
{% endif %}
{% endfor %}
</table>
{% endif %}
{% if r.shown_servers or r.unnamed %}
<h3>Servers</h3><table><tr><th>Server</th><th>Named by</th><th>Status</th><th>Certificate</th></tr>
{% for s in r.shown_servers %}
<tr><td><code>{{ s.protocol }} {{ s.host }}:{{ s.port }} {{ s.security }}</code></td>
<td>{{ source_label(s.source) }}</td>
<td>{{ s.status }}{% if s.stopped %} <small>({{ s.stopped }})</small>{% endif %}</td>
<td>{% if s.certificate %}{{ s.certificate.days_left }} days left
{% if s.certificate.problems %}
 <span class="critical">{{ s.certificate.problems|join(", ") }}</span>
{% endif %}
{% elif s.plaintext %}<span class="critical">no encryption</span>{% endif %}</td></tr>
{% endfor %}
</table>
{% if r.unnamed %}<p><small>{{ r.unnamed }} guessed names do not exist.</small></p>{% endif %}
{% endif %}
{% if r.fixes.dns %}<h3>Zone-file lines to add</h3><pre>{{ r.fixes.dns|join("\\n") }}</pre>{% endif %}
{% for f in r.fixes.files %}
<details><summary>Publish <code>{{ f.url }}</code> ({{ f.media_type }})</summary><pre>{{ f.content }}</pre>
</details>
{% endfor %}
{% endfor %}
<script>
(function(){var t=document.getElementById("domains"),dir={};
t.tHead.addEventListener("click",function(e){var th=e.target.closest("th");if(!th)return;
var i=Array.prototype.indexOf.call(th.parentNode.children,th),b=t.tBodies[0],rows=Array.from(b.rows);
dir[i]=!dir[i];var s=dir[i]?1:-1;
function key(r){var c=r.cells[i],v=c.getAttribute("data-sort");
return v!==null?parseFloat(v):c.textContent.trim().toLowerCase();}
rows.sort(function(a,b){var x=key(a),y=key(b);return (x<y?-1:x>y?1:0)*s;});
rows.forEach(function(r){b.appendChild(r);});});})();
</script>
</body></html>
"""

_RANK = {"problems": 0, "nothing_found": 1, "error": 2, "no_domain": 3, "good": 4}


def _prepared(record: dict[str, Any]) -> dict[str, Any]:
    days = [s["certificate"]["days_left"] for s in record.get("servers") or []
            if s.get("certificate") and s["certificate"].get("days_left") is not None]
    servers = record.get("servers") or []
    unnamed = [s for s in servers if s.get("source") == "guess" and s.get("status") == "dns_error"]
    return {**record, "rank": _RANK.get(record["verdict"], 5), "min_days": min(days) if days else None,
            "fixes": record.get("fixes") or {"dns": [], "files": []}, "unnamed": len(unnamed),
            "shown_servers": [s for s in servers if s not in unnamed]}


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                try:
                    yield _prepared(json.loads(line))
                except (ValueError, KeyError, TypeError):
                    continue  # a torn last line of an interrupted run


def _cell_class(cell: str) -> str:
    return cell if cell in ("no", "unknown", "") else "yes"


def _yesno(value: object) -> str:
    return "yes" if value is True else "no" if value is False else "unknown"


def _source_label(name: str | None) -> str:
    if not name:
        return "—"
    source = SOURCES.get(name)
    return source.label if source else name.replace("_", " ")


def render(records: Path, counts: Counter[str]) -> Iterator[str]:
    """The page for the JSON lines in ``records``, in pieces."""
    from jinja2 import Environment  # only when a page is asked for: start-up stays light

    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(TEMPLATE)
    helpers: dict[str, Callable[..., str]] = {"cell_of": client_cell, "yesno": _yesno,
                                              "source_label": _source_label, "cell_class": _cell_class}
    ordered = sorted(counts.items(), key=lambda kv: _RANK.get(kv[0], 5))
    return template.generate(total=sum(counts.values()), counts=ordered, words=VERDICT_WORDS,
                             count_words=COUNT_WORDS, clients=CLIENTS,
                             source_order=SOURCE_ORDER, rows=_records(records), details=_records(records),
                             **helpers)


def write_page(target: Path, records: Path, counts: Counter[str]) -> None:
    """Render the page while it is written (memory stays flat), whole or not at all, through the one output
    writer (``net/files``: a link or a device is never renamed over)."""
    from assistant.core.net.files import write_output
    write_output(str(target), (piece.encode("utf-8") for piece in render(records, counts)), force=True)
