"""A render child is bounded by the kernel as well as by its parent's clock:
it has a CPU time limit, and it dies when the process that forked it dies
(a web worker killed by the server's timeout leaves no orphan render)."""

import os
import resource
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from django.conf import settings

import pytest

from courses.printing import bounded
from courses.printing.bounded import RenderTimeout, Worker, run_bounded


def cpu_limit_and_death_signal():
    import ctypes

    soft, _hard = resource.getrlimit(resource.RLIMIT_CPU)
    death = ctypes.c_int()
    ctypes.CDLL(None).prctl(2, ctypes.byref(death), 0, 0, 0)  # PR_GET_PDEATHSIG
    used = resource.getrusage(resource.RUSAGE_SELF)
    return f"{soft} {death.value} {used.ru_utime + used.ru_stime}".encode()


def test_a_render_child_has_a_cpu_limit_and_dies_with_its_parent():
    soft, death, used = run_bounded(cpu_limit_and_death_signal, seconds=7, memory_bytes=0).split()
    assert death == str(signal.SIGKILL).encode()
    assert int(soft) != resource.RLIM_INFINITY
    assert int(soft) <= float(used) + 7 + bounded.CPU_MARGIN + 1


def test_the_warm_worker_has_a_cpu_limit_for_each_job():
    worker = Worker()
    try:
        reply = worker.run(cpu_limit_and_death_signal, (), seconds=9, memory_bytes=0)
    finally:
        worker._stop(kill=True)
    soft, _death, used = reply.split()
    assert int(soft) <= float(used) + 9 + bounded.CPU_MARGIN + 1


def own_pid():
    return str(os.getpid()).encode()


def test_the_warm_worker_outlives_the_thread_that_started_it():
    """A threaded server (runserver, gthread) ends a request's thread when
    the request is done: the worker it started must serve the next one."""
    worker = Worker()
    try:
        first = []
        thread = threading.Thread(
            target=lambda: first.append(worker.run(own_pid, (), seconds=9, memory_bytes=0))
        )
        thread.start()
        thread.join()
        time.sleep(1)
        assert worker.run(own_pid, (), seconds=9, memory_bytes=0) == first[0]
    finally:
        worker._stop(kill=True)


def spin_past_a_one_second_cpu_limit():
    bounded.CPU_MARGIN = 0
    bounded._limit_cpu(1)
    while True:
        pass


def test_the_kernel_stops_a_render_that_uses_up_its_cpu_time():
    started = time.monotonic()
    with pytest.raises(RenderTimeout):
        run_bounded(spin_past_a_one_second_cpu_limit, seconds=60, memory_bytes=0)
    assert time.monotonic() - started < 20


def process_is_gone(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")


def assert_dies_with_its_web_worker(tmp_path, start_job):
    """Run ``start_job`` (code that hands a sleeping job to a render process)
    in a parent process, kill the parent as gunicorn kills a worker past its
    timeout, and check the render process does not outlive it."""
    pid_file = tmp_path / "render.pid"
    script = textwrap.dedent(
        f"""
        import os, time
        from courses.printing.bounded import Worker, run_bounded

        def job():
            open({str(pid_file)!r}, "w").write(str(os.getpid()))
            time.sleep(120)
            return b""

        {start_job}
        """
    )
    parent = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, env={**os.environ}
    )
    try:
        deadline = time.monotonic() + 30
        while not pid_file.exists() or not pid_file.read_text():
            assert time.monotonic() < deadline, "the render process never started"
            time.sleep(0.05)
        render = int(pid_file.read_text())
        assert not process_is_gone(render)
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while not process_is_gone(render):
            assert time.monotonic() < deadline, "the render process outlived its parent"
            time.sleep(0.05)
    finally:
        if parent.poll() is None:
            parent.kill()


def test_a_render_child_dies_when_its_web_worker_is_killed(tmp_path):
    assert_dies_with_its_web_worker(tmp_path, "run_bounded(job, seconds=120, memory_bytes=0)")


def test_the_warm_worker_dies_when_its_web_worker_is_killed(tmp_path):
    assert_dies_with_its_web_worker(tmp_path, "Worker().run(job, (), seconds=120, memory_bytes=0)")
