"""The server's pipes: stdin read so that a broken message cannot put a buffer out of step, and
errors copied to the editor's log."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, BinaryIO

from lsprotocol import types

log = logging.getLogger("contentlint.lsp")


class RepairingReader:
    """stdin for pygls. A message whose body is not valid UTF-8 (a client sending a broken buffer)
    would be dropped whole and leave the server's copy of the buffer out of step; its bad bytes
    become U+FFFD instead, and the message is handled."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def readline(self) -> bytes:
        return self.stream.readline()

    def read(self, size: int) -> bytes:
        data = self.stream.read(size)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            log.warning("a message from the editor was not valid UTF-8 (byte %d); bad bytes read as U+FFFD", exc.start)
            return data.decode("utf-8", "replace").encode("utf-8")
        return data


class ClientLogHandler(logging.Handler):
    """Errors (a rule that crashed, a check that failed) go to the editor's log as well as stderr.
    Records may come from the worker thread: they are sent from the event loop."""

    def __init__(self, loop_of: Callable[[], asyncio.AbstractEventLoop | None], send: Callable[[Any], None]) -> None:
        super().__init__(logging.ERROR)
        self.loop_of = loop_of
        self.send = send

    def emit(self, record: logging.LogRecord) -> None:
        loop = self.loop_of()
        if loop is None or loop.is_closed():
            return
        params = types.LogMessageParams(type=types.MessageType.Error, message=self.format(record))
        loop.call_soon_threadsafe(self.send, params)
