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

``run_bounded`` forks a child for one job; ``Worker`` keeps one child warm
for many jobs, each with the same bounds (what render.py uses first).
"""

import contextlib
import ctypes
import ctypes.util
import gc
import os
import pickle
import resource
import select
import signal
import struct
import threading
import time
import traceback

from django.utils.translation import gettext as _

HEADER = struct.Struct("!cQ")  # status byte, payload length
PR_SET_PDEATHSIG = 1  # linux/prctl.h
CPU_MARGIN = 5  # seconds of CPU past the time bound before the kernel stops a child


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
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_fd)
        _child(job, write_fd, memory_bytes, seconds, parent)
    os.close(write_fd)
    try:
        payload = _read_within(read_fd, pid, seconds)
    finally:
        os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        raise RenderTimeout(_timeout_message(seconds))  # its CPU limit, kept by the kernel
    return _outcome(payload, status)


def _child(job, write_fd, memory_bytes, seconds, parent):
    code = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _die_with(parent)
        _limit_cpu(seconds)
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


def _die_with(parent):
    """Ask the kernel to kill this process when the process that forked it
    dies (a web worker killed by its server's timeout, say): a render never
    outlives the request or task it was made for. Linux only."""
    libc = ctypes.util.find_library("c")
    if libc is None:  # pragma: no cover - the project runs on Linux
        return
    ctypes.CDLL(libc, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the request took effect
        os._exit(1)


def _exit_when_orphaned(parent, every=0.5):
    """End this process as soon as its parent process is gone (it is then
    adopted, and its parent id changes), even in the middle of a job."""

    def watch():
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _limit_cpu(seconds):
    """Cap the CPU time this process may still use at ``seconds`` (and a
    margin): a second bound, kept by the kernel, besides the parent's clock.
    The limit counts from the CPU time the process has used so far."""
    if not seconds:
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    limit = int(used.ru_utime + used.ru_stime + seconds + CPU_MARGIN)
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (limit, hard))


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
            raise RenderTimeout(_timeout_message(seconds))
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


def _timeout_message(seconds):
    return _(
        "El documento es demasiado largo o complejo: no se pudo generar en %(seconds)d segundos."
    ) % {"seconds": round(seconds)}


def _too_large():
    return _(
        "El documento es demasiado grande: generar el PDF necesitaba más memoria de la permitida."
    )


class Worker:
    """A warm render process, kept for many jobs, each still bounded.

    Forking a child for every render costs a fixed ~25 ms (copying the page
    tables of a large web process, then a copy-on-write fault for each page
    the render touches, then tearing it all down): for a two-page handout
    that was a third of the time. This child is forked once, when the first
    render needs it, and then serves jobs one at a time over a pipe:
    ``function(*args)`` with a module-level function and picklable args.

    Each job keeps its bounds: the parent kills the worker when a job runs
    past ``seconds`` (the next job starts a fresh one), and before each job
    the worker caps its own address space at its current size plus
    ``memory_bytes``. A worker that failed, or served ``max_jobs`` jobs, is
    replaced, so nothing a bad document left behind outlives it.
    """

    def __init__(self, max_jobs=200):
        self.max_jobs = max_jobs
        self.pid = None
        self._lock = threading.Lock()

    def run(self, function, args, *, seconds, memory_bytes):
        """The bytes ``function(*args)`` returns, or None when the worker is
        busy with another thread's job (the caller forks a child instead)."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            if self.pid is None:
                self._start()
            request = pickle.dumps((function, args, memory_bytes, seconds))
            try:
                _write_all(self._requests, HEADER.pack(b"J", len(request)) + request)
                reply = _read_message(self._replies, seconds)
            except RenderTimeout:
                self._stop(kill=True)
                raise
            except (OSError, EOFError):  # died mid-job: killed by the kernel, most likely
                self._stop(kill=True)
                raise RenderTooLarge(_too_large()) from None
            kind, data = reply
            self.jobs += 1
            if kind != b"K" or self.jobs >= self.max_jobs:
                self._stop(kill=kind != b"K")
            return _outcome(HEADER.pack(kind, len(data)) + data, 0)
        finally:
            self._lock.release()

    def _start(self):
        request_read, self._requests = os.pipe()
        self._replies, reply_write = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(self._requests)
            os.close(self._replies)
            _serve(request_read, reply_write, parent)
        os.close(request_read)
        os.close(reply_write)
        self.pid, self.jobs = pid, 0

    def _stop(self, kill):
        if self.pid is None:
            return
        os.close(self._requests)  # the worker leaves when its pipe closes
        os.close(self._replies)
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.pid = None


def _serve(request_fd, reply_fd, parent):
    code = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        # Not PR_SET_PDEATHSIG: it follows the *thread* that forked us, and a
        # threaded server (runserver, gthread) ends that thread after its
        # request, which would kill this worker between two jobs. Watch the
        # parent process instead.
        _exit_when_orphaned(parent)
        # Everything inherited stays out of the collector's sight (it would
        # walk, and so copy, the whole heap); what the jobs create is collected.
        gc.freeze()
        while True:
            try:
                kind, request = _read_message(request_fd, None)
            except EOFError:
                break  # the parent is done with us (or gone)
            function, args, memory_bytes, seconds = pickle.loads(request)  # noqa: S301 - from our parent
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            resource.setrlimit(resource.RLIMIT_AS, (hard, hard))  # the last job's cap off
            _limit_memory(memory_bytes)  # then this job's, from the size we have now
            _limit_cpu(seconds)  # and its CPU time, from what the worker used so far
            try:
                data, status = bytes(function(*args)), b"K"
            except MemoryError:
                data, status = b"", b"M"
            except RenderError as error:
                data, status = str(error).encode(), b"E"
            except BaseException:
                data, status = traceback.format_exc().encode()[-4000:], b"X"
            _write_all(reply_fd, HEADER.pack(status, len(data)) + data)
            if status != b"K":
                break
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _write_all(fd, message):
    view = memoryview(message)
    while view:
        view = view[os.write(fd, view) :]


def _read_message(fd, seconds):
    """One framed message: (kind, payload). EOFError if the pipe closed."""
    deadline = None if seconds is None else time.monotonic() + seconds
    header = _read_exactly(fd, HEADER.size, deadline, seconds)
    kind, length = HEADER.unpack(header)
    return kind, _read_exactly(fd, length, deadline, seconds)


def _read_exactly(fd, size, deadline, seconds):
    chunks, missing = [], size
    while missing:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise RenderTimeout(_timeout_message(seconds))
            ready, _w, _x = select.select([fd], [], [], remaining)
            if not ready:
                continue
        chunk = os.read(fd, min(missing, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)
