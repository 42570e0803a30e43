"""Work that runs beside the build on the second core, its answer collected when needed.

MkDocs builds on one core. The hooks fork a process for work whose answer they need only later:
reading and rendering the content while Material loads jieba's dictionary, the copy check while
MkDocs renders the pages. Only the first run of a function in a process forks: a later one
(`mkdocs serve` rebuilding after an edit) runs here, where the caches of the first run are warm
(sub-words, QR codes, files already checked) and stay warm. Where fork is unavailable
(Windows), on one core, or when the child dies or does not answer, the work runs here too: the
answer is the same, only later.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from typing import Any, Callable

TIMEOUT = 120  # seconds; a child that has not answered by then is stopped and the work done here
_forked: set[str] = set()  # the functions already run in a child of this process


def _run(send, fn, args):
    try:
        send.send((True, fn(*args)))
    except BaseException as err:  # noqa: BLE001 - the parent raises it
        err.add_note(f"(in kb.background's child)\n{traceback.format_exc()}")
        send.send((False, err))
    finally:
        send.close()


class Task:
    def __init__(self, fn: Callable[..., Any], *args: Any):
        self.fn, self.args, self.proc = fn, args, None
        name = f"{fn.__module__}.{fn.__qualname__}"
        if name in _forked or "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
            return
        _forked.add(name)
        context = multiprocessing.get_context("fork")
        self.recv, send = context.Pipe(duplex=False)
        self.proc = context.Process(target=_run, args=(send, fn, args), daemon=True)
        self.proc.start()
        send.close()

    def result(self) -> Any:
        if self.proc is None:
            return self.fn(*self.args)
        try:
            ok, value = self.recv.recv() if self.recv.poll(TIMEOUT) else (None, None)
        except EOFError:  # the child died without answering
            ok = None
        finally:
            self.recv.close()
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join()
        if ok is None:
            return self.fn(*self.args)
        if not ok:
            raise value
        return value
