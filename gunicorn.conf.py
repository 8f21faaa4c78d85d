"""gunicorn's settings for Taller: ``gunicorn -c gunicorn.conf.py cms.wsgi:application``
(docs/deployment.md). Each can be changed from the environment.

The worker timeout is above the longest a request may take on a printed
file: waiting for another process's render of the same PDF (the setting
``TALLER_PDF_LOCK_WAIT``, 75 s by default), then rendering it
(``TALLER_PDF_TIMEOUT``, 60 s). Below that, gunicorn would kill a worker in
the middle of a render and the visitor would get an error. If you raise
those settings, raise ``GUNICORN_TIMEOUT`` with them. Plan packs, the
longest files, never render in a web request: the task queue's worker
makes them (docs/pdfs.md).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1)))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 180))
graceful_timeout = 30
# Bounded requests, as the reverse proxy also sets them (docs/deployment.md).
limit_request_line = 4094
limit_request_fields = 100
# No control socket: it would be created in the home folder, which a
# service account may not have or may not be able to write.
control_socket_disable = True
accesslog = None  # the reverse proxy keeps the access log; no addresses here
