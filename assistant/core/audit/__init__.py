"""The hosting provider's audit: for each domain, what every source publishes, which mail programs find the
settings by themselves, what is wrong, and the records and files that fix it — for thousands of domains in
one process.

One domain runs the ordinary discovery (``discovery.run.discover``) with every source recorded whole
(``observe``), then the facts become problems (``findings``), per-program answers (``clients``) and fixes
(``fixes``), put together as one JSON-ready record (``record``). ``batch`` runs many domains with bounded
concurrency, one shared resolver cache and at most a few connections per server address. Nothing here
prints: the command line (``cli/audit.py``) writes the records as lines, CSV or HTML (``report``, ``html``).
"""

from __future__ import annotations
