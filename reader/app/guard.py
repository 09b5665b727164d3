"""Store errors inside the app: a notice, never a crash.

A change the store cannot write (disk full, the data folder made read-only, another program
holding a lock past the timeout) raises `StoreError`. In a handler, Textual would stop the app
and print a traceback; here the user is told what was not saved and goes on reading. Each change
is one transaction, so nothing stored before it is lost.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from reader.store import StoreError

Method = TypeVar("Method", bound=Callable[..., Any])


class _Notifies(Protocol):
    def notify(self, message: str, **kwargs: Any) -> None: ...


def report(app: _Notifies, error: StoreError) -> None:
    # The app has one store: its path (in `reader --help` and the README) would only crowd
    # the notice.
    store = getattr(app, "store", None)
    message = str(error).removeprefix(f"{store.path}: ") if store is not None else str(error)
    app.notify(f"Not saved: {message}", title="Store", severity="error", timeout=10)


def reports_store_errors(method: Method) -> Method:
    """Decorate an app method (or handler, or action) that writes to the store."""
    if inspect.iscoroutinefunction(method):

        @functools.wraps(method)
        async def guarded_async(self: _Notifies, *args: Any, **kwargs: Any) -> Any:
            try:
                return await method(self, *args, **kwargs)
            except StoreError as error:
                report(self, error)
                return None

        return guarded_async  # type: ignore[return-value]

    @functools.wraps(method)
    def guarded(self: _Notifies, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except StoreError as error:
            report(self, error)
            return None

    return guarded  # type: ignore[return-value]
