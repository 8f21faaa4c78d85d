"""How fast and how heavy are printed PDFs? Prints, in one run:

- render time of a typical handout and of a full facilitator guide, and
  its ratio to plain WeasyPrint rendering the same HTML (our overhead:
  templates, the safe fetcher, the forked bounded child);
- time to serve a cached PDF at its page URL, as a ratio to serving a static
  file of the same size through the same Django stack (WhiteNoise), and the
  same past the whole-page cache (Wagtail routing and the cache lookup);
- peak memory of the web process and of the render children.

Usage: .venv/bin/python bench/pdf.py  (builds its own throw-away SQLite
database with the demo curriculum in a temporary folder; ~30 s).
"""

import os
import re
import resource
import statistics
import time
from pathlib import Path

import demo_site  # bench/, the script's folder

WORK = demo_site.set_up_in_process()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.test import Client  # noqa: E402

import weasyprint  # noqa: E402

from courses.models import FacilitatorGuidePage, HandoutPage  # noqa: E402
from courses.printing import store  # noqa: E402
from courses.printing.documents import document_for  # noqa: E402
from courses.printing.render import PDF_OPTIONS, _worker, font_config  # noqa: E402

RUNS = 7


def timed(function, runs=RUNS):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def as_file_urls(html):
    """The same HTML for plain WeasyPrint: our /static/ and /media/ URLs as
    file:// paths, so its default fetcher reads the same files."""

    def static(match):
        return "file://" + finders.find(match.group(1))

    html = re.sub(r'"/static/([^"]+)"', lambda m: f'"{static(m)}"', html)
    return html.replace('"/media/', f'"file://{settings.MEDIA_ROOT}/')


def bench_render(label, page):
    def ours():
        document_for(page.specific).render_bytes()  # fresh document: queries, templates, fork

    html = as_file_urls(document_for(page.specific).html())
    config = font_config()

    def plain():
        weasyprint.HTML(string=html).write_pdf(font_config=config, **PDF_OPTIONS)

    ours()
    plain()  # warm up both
    mine, theirs = timed(ours), timed(plain)
    _, pages = document_for(page.specific).render_bytes()
    print(
        f"render {label:<28} {pages:>3} pages  ours {mine * 1000:7.0f} ms   "
        f"plain WeasyPrint {theirs * 1000:7.0f} ms   ratio {mine / theirs:5.2f}x"
    )


def bench_serve(page):
    client = Client()
    record = store.ensure(document_for(page.specific))
    static_name = "bench/same-size.pdf"
    target = Path(settings.STATIC_ROOT) / static_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(os.urandom(record.size))
    client = Client()  # WhiteNoise indexes STATIC_ROOT when the stack is built

    def get(url):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200 and len(body) == record.size, (url, response)

    pdf_url = page.url + "pdf/"
    static_url = settings.STATIC_URL + static_name
    for _ in range(20):
        get(pdf_url)
        get(static_url)
    runs = 300
    cached = timed(lambda: get(pdf_url), runs)
    static = timed(lambda: get(static_url), runs)
    routed = timed(lambda: get(pdf_url + "?sin-cache=1"), 100)
    print(
        f"serve cached PDF ({record.size / 1024:.0f} KB)    ours {cached * 1000:6.2f} ms   "
        f"static file {static * 1000:6.2f} ms   ratio {cached / static:5.2f}x"
    )
    print(
        f"  the same past the page cache (Wagtail routing, cache lookup) {routed * 1000:6.2f} ms"
        f"   ratio {routed / static:5.2f}x"
    )


def main():
    print(f"Building a demo database in {WORK} …", flush=True)
    demo_site.load_demo()
    handout = HandoutPage.objects.live().order_by("path").first()
    guides = list(FacilitatorGuidePage.objects.live().order_by("path"))
    version = weasyprint.__version__
    load = os.getloadavg()[0]
    print(f"WeasyPrint {version}, {os.cpu_count()} CPUs, load {load:.1f}, median of {RUNS}")
    bench_render(f"handout «{handout.title[:14]}»", handout)
    for guide in guides:
        bench_render(f"guide «{guide.module.title[:16]}»", guide)
    bench_serve(handout)
    _worker._stop(kill=False)  # reaped, so its peak counts among the children
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: web process {me:.0f} MB, largest render process {children:.0f} MB (RSS)")


if __name__ == "__main__":
    main()
