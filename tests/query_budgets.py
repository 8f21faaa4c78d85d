"""The SQL query budget of each page type, in one table: the tests read it
(tests/cms/test_query_counts.py) and so does the benchmark (bench/run.py).

Two moments, counted through the whole middleware stack:

- after a publish: the first request after an editor publishes the page
  (the page cache was emptied; Wagtail's site root paths and the image
  renditions are still in the cache);
- every cache empty: a new process after a deploy or a cache flush.

Bounds, not exact counts, so a small honest change passes; a loop that
queries once per item does not. A cold render happens once per publish per
page; every other anonymous request is answered by the page cache with no
query at all (cms/caching.py). See docs/performance.md.
"""

from tests import demo

LESSON = demo.LESSON

# name: (address, after a publish, every cache empty). Measured on
# 5 December 2026 with the demo curriculum (five modules). Module cards
# cost the same few queries however many modules a page lists
# (ModulePage.for_cards); the module page grows by one query for each
# handout's download list (its stored files); a guide's activities come
# with their handouts.
BUDGETS = {
    "home": ("/es/", 25, 25),
    "catalogue": (demo.CATALOGUE, 19, 21),
    "module": (demo.RIGHTS_MODULE, 42, 45),
    "lesson": (LESSON, 29, 32),
    "handout": (demo.CARE_HANDOUT, 21, 23),
    "guide": (demo.RIGHTS_GUIDE, 26, 28),
    "countries": (demo.COUNTRIES, 15, 17),
    "country": (demo.COUNTRY, 17, 19),
    "glossary": (demo.GLOSSARY, 14, 16),
    "standard": (demo.SAFETY, 13, 15),
    "feedback": (demo.FEEDBACK, 14, 16),
}
