"""Run one render in a child process with a time and memory bound.

WeasyPrint is pure computation over HTML we build, but editor content can
make that computation huge (a table of ten thousand rows). The render runs
in a forked child whose address space is capped; the parent waits at most
the time bound, then kills it. Either way the web worker survives and the
caller gets a clear exception instead of a hung or killed process.

The child is forked, not spawned: it inherits fonts and parsed styles that
the parent loaded once, so a render costs what WeasyPrint costs. It never
touches the database (everything it needs is in the HTML), and leaves with
``os._exit`` so it cannot close the parent's connections.
"""

import contextlib
import gc
import os
import resource
import select
import signal
import struct
import time
import traceback

from django.utils.translation import gettext as _

HEADER = struct.Struct("!cQ")  # status byte, payload length


class RenderError(Exception):
    """A render failed; the message is written for people, in their language."""


class RenderTimeout(RenderError):
    pass


class RenderTooLarge(RenderError):
    pass


def run_bounded(job, *, seconds, memory_bytes):
    """Return the bytes ``job()`` returns, computed in a bounded child process."""
    if not hasattr(os, "fork"):  # pragma: no cover - the project runs on Linux
        return job()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_fd)
        _child(job, write_fd, memory_bytes)
    os.close(write_fd)
    try:
        payload = _read_within(read_fd, pid, seconds)
    finally:
        os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    return _outcome(payload, status)


def _child(job, write_fd, memory_bytes):
    code = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        # A short-lived child: the cyclic collector would only walk (and so
        # copy, page by page) the parent's whole heap. The memory cap bounds it.
        gc.disable()
        _limit_memory(memory_bytes)
        try:
            data = bytes(job())
            status = b"K"
        except MemoryError:
            data, status = b"", b"M"
        except RenderError as error:
            data, status = str(error).encode(), b"E"
        except BaseException:
            data, status = traceback.format_exc().encode()[-4000:], b"X"
        message = HEADER.pack(status, len(data)) + data
        view = memoryview(message)
        while view:
            view = view[os.write(write_fd, view) :]
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _limit_memory(extra_bytes):
    if not extra_bytes:
        return
    with open("/proc/self/statm") as statm:
        current = int(statm.read().split()[0]) * resource.getpagesize()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = current + extra_bytes
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _read_within(fd, pid, seconds):
    deadline = time.monotonic() + seconds
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            _kill(pid)
            raise RenderTimeout(
                _(
                    "El documento es demasiado largo o complejo: no se pudo generar "
                    "en %(seconds)d segundos."
                )
                % {"seconds": round(seconds)}
            )
        ready, _w, _x = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _kill(pid):
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _outcome(payload, status):
    if len(payload) >= HEADER.size:
        kind, length = HEADER.unpack_from(payload)
        data = payload[HEADER.size :]
        if len(data) == length:
            if kind == b"K":
                return data
            if kind == b"M":
                raise RenderTooLarge(_too_large())
            if kind == b"E":
                raise RenderError(data.decode())
            raise RenderError(_("No se pudo generar el PDF:") + "\n" + data.decode())
    if os.WIFSIGNALED(status) or len(payload) < HEADER.size:
        # Killed by the kernel or crashed in C code: almost always memory.
        raise RenderTooLarge(_too_large())
    raise RenderError(_("No se pudo generar el PDF: la respuesta llegó incompleta."))


def _too_large():
    return _(
        "El documento es demasiado grande: generar el PDF necesitaba más memoria de la permitida."
    )
