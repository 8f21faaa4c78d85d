"""Taller's benchmark: prints a table of figures, measured in one run.

    python bench/run.py [--seconds 5] [--connections 8]

It builds the demo site in a temporary folder (SQLite unless DATABASE_URL is
set), starts it with production settings under gunicorn (2 sync workers) on
127.0.0.1, and measures, against a static file served by the same server:

- requests/s and median latency per page type, cached (the page cache warm)
  and cold (the first render after a publish, measured one request at a time);
- SQL queries per page type through the full middleware stack, cold;
- page weight on the wire: HTML + CSS + JS compressed, images at phone width
  (360 px, 2x screen), request count;
- handout PDFs: the first request (rendered then) and a cached one.

Throughput uses wrk (Debian: apt-get install wrk) when it is installed,
otherwise a small Python client (slower: compare ratios, not absolutes).
Machines are noisy: read the ratios, which are measured side by side.
Django is set up in main() once the site is built, so the functions that
read the site import its modules when they run.
"""

import argparse
import gzip
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import django

from demo_site import build, production_env, start_server  # bench/, the script's folder

PROJECT = Path(__file__).resolve().parents[1]
PAGES = {
    "home": "/es/",
    "catalogue": "/es/modulos/",
    "module": "/es/modulos/conocer-y-defender-nuestros-derechos/",
    "lesson": "/es/modulos/conocer-y-defender-nuestros-derechos/derechos-que-siempre-valen/",
    "handout": "/es/modulos/autoestima-y-cuidado-colectivo/cuidado-colectivo/mi-red-de-cuidado/",
    "guide": "/es/modulos/conocer-y-defender-nuestros-derechos/guia-de-facilitacion/",
    "countries": "/es/paises/",
    "country": "/es/paises/bolivia/",
}
PHONE_PIXELS = 720  # a 360 px wide screen at 2x


def build_site(folder):
    """The demo site in ``folder``, served by gunicorn (2 sync workers)."""
    env = production_env(
        folder, CACHE_DIR=str(folder / "cache"), SERVE_MEDIA="true", LOG_LEVEL="ERROR"
    )
    env["DATABASE_URL"] = os.environ.get("DATABASE_URL") or env["DATABASE_URL"]
    build(env)
    os.environ.update(env)
    server = start_server(env, workers=2)
    server.wait_until_up()
    return server


def get(url, encoding="gzip, br"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


def load(url, seconds, connections):
    """(requests per second, median latency in ms) for url under load."""
    if shutil.which("wrk"):
        output = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{connections}",
                f"-d{seconds}s",
                "--latency",
                "-H",
                "Accept-Encoding: gzip, br",
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        value, unit = re.search(r"50%\s+([\d.]+)(us|ms|s)", output).groups()
        median = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
        return rate, median
    return python_load(url, seconds, connections)


def python_load(url, seconds, connections):
    parts = urlparse(url)
    latencies, stop = [], time.monotonic() + seconds

    def worker():
        connection = http.client.HTTPConnection(parts.hostname, parts.port)
        while time.monotonic() < stop:
            started = time.perf_counter()
            connection.request("GET", parts.path, headers={"Accept-Encoding": "gzip"})
            connection.getresponse().read()
            latencies.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies) / seconds, statistics.median(latencies)


def cold_latency(url, repeat=15):
    """Median time of a request right after the page cache was emptied."""
    from cms.caching import invalidate_pages

    times = []
    for _ in range(repeat):
        invalidate_pages()
        started = time.perf_counter()
        get(url)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def queries(path):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cms.caching import invalidate_pages

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)
    invalidate_pages()
    with CaptureQueriesContext(connection) as context:
        client.get(path)
    return len(context.captured_queries)


class Assets(HTMLParser):
    """The stylesheets, scripts and (phone-width) images a page loads."""

    def __init__(self):
        super().__init__()
        self.styles, self.scripts, self.images = [], [], []
        self.in_picture = False
        self.picture_done = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
            self.styles.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif tag == "picture":
            self.in_picture, self.picture_done = True, False
        elif tag == "source" and self.in_picture and not self.picture_done:
            self.images.append(pick(attrs.get("srcset", "")))
            self.picture_done = True  # the browser takes the first type it supports
        elif tag == "img" and not (self.in_picture and self.picture_done):
            self.images.append(pick(attrs.get("srcset", "")) or attrs.get("src"))

    def handle_endtag(self, tag):
        if tag == "picture":
            self.in_picture = False


def pick(srcset):
    """The smallest candidate at least PHONE_PIXELS wide (or the largest)."""
    candidates = []
    for item in srcset.split(","):
        bits = item.split()
        if len(bits) == 2 and bits[1].endswith("w"):
            candidates.append((int(bits[1][:-1]), bits[0]))
    if not candidates:
        return None
    candidates.sort()
    return next((url for width, url in candidates if width >= PHONE_PIXELS), candidates[-1][1])


def weight(base, path):
    _, headers, body = get(base + path)
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    parser = Assets()
    parser.feed(html.decode())
    text_bytes = len(body)
    for asset in parser.styles + parser.scripts:
        text_bytes += len(get(base + asset)[2])
    image_bytes = sum(len(get(base + src)[2]) for src in parser.images if src)
    requests = 1 + len(parser.styles) + len(parser.scripts) + len([s for s in parser.images if s])
    return text_bytes, image_bytes, requests


def pdf_figures(base):
    """Handout PDFs: the first request of each (rendered then, cold) and
    repeated requests of one (served from the print cache)."""
    from courses.models import HandoutPage

    urls = [base + handout.url + "pdf/" for handout in HandoutPage.objects.live()[:5]]
    cold = statistics.median(_time(lambda url=url: get(url)) for url in urls)
    cached = statistics.median(_time(lambda: get(urls[0])) for _ in range(30))
    return cold, cached


def _time(function):
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    # Before the bench builds its site, which loads the machine itself: times
    # (not ratios) only compare between runs on a quiet machine.
    args.load_before = os.getloadavg()[0]

    sys.path.insert(0, str(PROJECT))
    folder = Path(tempfile.mkdtemp(prefix="taller-bench-"))
    server = build_site(folder)
    try:
        django.setup()
        run(server.url, args)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def run(base, args):
    from django.templatetags.static import static

    tool = "wrk" if shutil.which("wrk") else "python client"
    static_url = base + static("css/taller.css")
    static_size = len(get(static_url)[2])
    static_rate, static_median = load(static_url, args.seconds, args.connections)
    print(
        f"Taller benchmark — gunicorn 2 workers, {args.connections} connections, "
        f"{args.seconds} s per URL, load by {tool}"
    )
    cpus = os.cpu_count() or 1
    print(f"Machine: {cpus} CPUs, load average {args.load_before:.1f} before the run")
    if args.load_before > cpus / 2:
        print("  the machine was busy: compare the ratios, not the times")
    print(
        f"Baseline: static file ({static_size} B compressed): "
        f"{static_rate:.0f} req/s, median {static_median:.1f} ms\n"
    )
    header = (
        f"{'page':<10} {'req/s':>7} {'× static':>8} {'median ms':>9} {'cold ms':>8} "
        f"{'queries':>7} {'HTML+CSS+JS':>11} {'images':>8} {'requests':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, path in PAGES.items():
        get(base + path)  # warm the page cache
        rate, median = load(base + path, args.seconds, args.connections)
        cold = cold_latency(base + path)
        count = queries(path)
        text, images, requests = weight(base, path)
        print(
            f"{name:<10} {rate:>7.0f} {rate / static_rate:>8.2f} {median:>9.1f} {cold:>8.1f} "
            f"{count:>7} {text / 1024:>9.1f} KB {images / 1024:>5.0f} KB {requests:>8}"
        )
    cold, cached = pdf_figures(base)
    print(
        f"\nHandout PDF: first request (rendered) {cold:.0f} ms, "
        f"cached {cached:.1f} ms; bench/pdf.py has the details"
    )


if __name__ == "__main__":
    main()
