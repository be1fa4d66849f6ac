"""The protocol: lifecycle, buffers, debounced push diagnostics or pull diagnostics, code actions,
hover, config reloads and file watching, on one warm Workspace.

Threads: pygls reads and answers on its event loop; every Workspace call runs on one worker
thread, in order, so a check never blocks reading the next keystroke and the Workspace is never
used by two at once. A result is published only for the version it was computed from.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

from lsprotocol import types
from pygls.capabilities import ServerCapabilitiesBuilder
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace.position_codec import PositionCodec

from contentlint._version import __version__
from contentlint.inputs.read import ReadError, read_bytes
from contentlint.inputs.source import SourceError, decode
from contentlint.lsp.actions import FIX_ALL, code_actions
from contentlint.lsp.checker import Checked, Checker, ConfigProblem
from contentlint.lsp.diagnostics import (
    config_diagnostic,
    diagnostics,
    related_location,
    to_diagnostic,
)
from contentlint.lsp.documents import Documents, OpenDocument
from contentlint.lsp.hover import hover_at
from contentlint.lsp.positions import Lines
from contentlint.lsp.settings import Settings
from contentlint.lsp.stdio import ClientLogHandler, RepairingReader
from contentlint.model.violation import Related, Violation

log = logging.getLogger("contentlint.lsp")
T = TypeVar("T")

# Files whose change can change a finding: posts and scheduler exports (the corpus index), and the
# config, the banned-hashtags list and team rule packs (the config).
WATCHED = ("**/*.md", "**/*.markdown", "**/*.txt", "**/*.csv", "**/*.tsv", "**/*.yaml", "**/*.yml", "**/*.toml")


class ContentlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("contentlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents = Documents()
        self.settings = Settings()
        self.checker: Checker | None = None
        self.codec = PositionCodec()
        self.pull = False  # the client asks for diagnostics (textDocument/diagnostic); else they are pushed
        self.loop: asyncio.AbstractEventLoop | None = None
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="contentlint-check")
        self.generation = 0  # bumped when the config or the corpus changes: every cached result is stale
        self.results: dict[str, tuple[tuple[int, int], Checked]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.config_uri: str | None = None  # where a config diagnostic was published
        self._register()

    # ------------------------------------------------------------ plumbing

    def _register(self) -> None:
        handlers: list[tuple[str, Callable[..., Any], Any]] = [
            (types.INITIALIZE, self.initialize, None),
            (types.INITIALIZED, self.initialized, None),
            (types.SHUTDOWN, self.on_shutdown, None),
            (types.TEXT_DOCUMENT_DID_OPEN, self.did_open, None),
            (types.TEXT_DOCUMENT_DID_CHANGE, self.did_change, None),
            (types.TEXT_DOCUMENT_DID_SAVE, self.did_save, types.SaveOptions(include_text=False)),
            (types.TEXT_DOCUMENT_DID_CLOSE, self.did_close, None),
            (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, self.did_change_watched_files, None),
            (
                types.TEXT_DOCUMENT_DIAGNOSTIC,
                self.pull_diagnostics,
                types.DiagnosticOptions(
                    identifier="contentlint", inter_file_dependencies=True, workspace_diagnostics=False
                ),
            ),
            (
                types.TEXT_DOCUMENT_CODE_ACTION,
                self.code_action,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
            ),
            (types.TEXT_DOCUMENT_HOVER, self.hover, None),
        ]
        for method, handler, options in handlers:
            self.feature(method, options)(functools.partial(handler))  # pygls marks the function: not a bound method

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` on the worker thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.worker, function, *args)

    def lines(self, text: str) -> Lines:
        return Lines(text, self.codec)

    def text_of(self, path: Path) -> str | None:
        """An open buffer's text, else the file's (for related locations and the config)."""
        document = self.documents.by_path(path)
        if document is not None:
            return document.text
        try:
            return decode(read_bytes(path)).text
        except (OSError, ReadError, SourceError):
            return None

    def show(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=f"contentlint: {message}"))

    # ------------------------------------------------------------ lifecycle

    def initialize(self, params: types.InitializeParams) -> None:
        self.loop = asyncio.get_running_loop()
        self.settings = Settings.of(params.initialization_options)
        self.codec = PositionCodec(ServerCapabilitiesBuilder.choose_position_encoding(params.capabilities))
        text_caps = params.capabilities.text_document
        self.pull = text_caps is not None and text_caps.diagnostic is not None
        self.checker = Checker(self.root_of(params), self.settings.config)
        for problem in self.settings.problems:
            log.warning("initializationOptions: %s", problem)

    @staticmethod
    def root_of(params: types.InitializeParams) -> Path:
        """The repo: the first workspace folder, else the root URI or path, else the current folder."""
        uri = params.workspace_folders[0].uri if params.workspace_folders else params.root_uri
        path = to_fs_path(uri) if uri else params.root_path
        return Path(os.path.abspath(path or os.getcwd()))

    async def initialized(self, params: types.InitializedParams) -> None:
        for option in self.settings.problems:
            self.show(f"initializationOptions: {option}", types.MessageType.Warning)
        self._watch_files()
        await self.run(self._start)

    def _start(self) -> None:
        """Worker thread, first job: the config (reported at once), then the corpus index and the
        rules' tables, before any check can queue between them."""
        assert self.checker is not None and self.loop is not None
        problem = self.checker.load()
        self.loop.call_soon_threadsafe(self._report_config, problem)
        self.checker.warm_up()

    def _watch_files(self) -> None:
        workspace_caps = self.client_capabilities.workspace
        watched = workspace_caps.did_change_watched_files if workspace_caps else None
        if not (watched and watched.dynamic_registration):
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
        )
        registration = types.Registration(
            id="contentlint-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        self.client_register_capability(types.RegistrationParams(registrations=[registration]))

    def on_shutdown(self, params: Any) -> None:
        for task in self.pending.values():
            task.cancel()
        self.worker.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------------------ buffers

    def did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        self.documents.open(item.uri, item.text, item.version)
        self.schedule(item.uri, 0.0)

    def did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if self.documents.change(uri, params.text_document.version, params.content_changes, self.codec) is None:
            log.warning("a change to %s, which is not open, was ignored", uri)
            return
        self.schedule(uri, self.settings.debounce)

    async def did_save(self, params: types.DidSaveTextDocumentParams) -> None:
        document = self.documents.get(params.text_document.uri)
        path = document.path if document else None
        if path is not None:
            await self.files_changed([(path, False)])

    def did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.documents.close(uri)
        self.results.pop(uri, None)
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        if not self.pull and uri != self.config_uri:  # a broken config's diagnostic stays until it is fixed
            self.publish(uri, [], None)

    async def did_change_watched_files(self, params: types.DidChangeWatchedFilesParams) -> None:
        changes = []
        for change in params.changes:
            path = to_fs_path(change.uri) if change.uri.startswith("file:") else None
            if path:
                changes.append((Path(path), change.type == types.FileChangeType.Deleted))
        await self.files_changed(changes)

    async def files_changed(self, changes: list[tuple[Path, bool]]) -> None:
        """Saved or changed on disk: the config is read again, or the corpus index takes the
        change; then every open post is checked again (a repeat may have appeared or gone)."""
        checker = self.checker
        if checker is None or not changes:
            return
        kinds = set()
        for path, deleted in changes:
            kinds.add(await self.run(checker.file_changed, path, deleted))
        if "config" in kinds:
            self._report_config(checker.problem)
        if kinds - {""}:
            self.recheck_all()

    def _config_reloaded(self) -> None:
        """The config was read again behind the editor's back (found changed at a check)."""
        assert self.checker is not None
        self._report_config(self.checker.problem)
        self.recheck_all()

    def _report_config(self, problem: ConfigProblem | None) -> None:
        """A broken config: one diagnostic on the config file and a message; the last good
        config stays in force. A fixed config clears them."""
        checker = self.checker
        if problem is None:
            if self.config_uri is not None:
                self.publish(self.config_uri, [], None)
                self.config_uri = None
            return
        assert checker is not None
        kept = checker.workspace is not None
        consequence = "the last good config is still used" if kept else "no post is checked until it is fixed"
        self.show(f"{problem}; {consequence}")
        path = problem.path or checker.config_file()
        if path is None:
            return
        uri = path.as_uri()
        if self.config_uri is not None and self.config_uri != uri:
            self.publish(self.config_uri, [], None)
        self.config_uri = uri
        self.publish(uri, [config_diagnostic(problem, self.lines(self.text_of(path) or ""), kept=kept)], None)

    # ------------------------------------------------------------ checking

    def checked_now(self, document: OpenDocument) -> Checked:
        """The check of this version of the buffer (worker thread): cached until the text, the
        config or the corpus changes."""
        key = (document.version, self.generation)
        cached = self.results.get(document.uri)
        if cached is not None and cached[0] == key:
            return cached[1]
        assert self.checker is not None
        checked = self.checker.check(document.path, document.text)
        self.results[document.uri] = (key, checked)
        return checked

    def diagnostics_of(self, document: OpenDocument, checked: Checked) -> list[types.Diagnostic]:
        assert self.checker is not None
        checker = self.checker
        return diagnostics(
            checked,
            self.lines(document.text),
            suggestion=self.settings.suggestion,
            href=checker.rule_href,
            locate=self.locate,
        )

    def locate(self, other: Related) -> types.Location:
        assert self.checker is not None
        return related_location(other, self.checker.root, self.text_of, self.lines)

    def schedule(self, uri: str, delay: float) -> None:
        """Check a buffer after `delay` seconds and push its diagnostics (a newer change restarts
        the wait). Clients that pull are only told to pull again."""
        if self.pull:
            return
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_and_push(uri, delay))

    async def _check_and_push(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            document = self.documents.get(uri)
            if document is None:
                return
            items = await self.run(self._check_and_place, document)
            current = self.documents.get(uri)
            if current is None or current.version != document.version:
                return  # a newer change has its own check under way
            if items is None and uri == self.config_uri:
                return  # the config file open in the editor: its diagnostic stays
            self.publish(uri, items or [], document.version)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("checking %s failed", uri)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    def _check_and_place(self, document: OpenDocument) -> list[types.Diagnostic] | None:
        """The buffer's diagnostics; None for a file that is not a post of the repo."""
        checker = self.checker
        if checker is not None and checker.config_changed() and self.loop is not None:
            checker.load()
            self.loop.call_soon_threadsafe(self._config_reloaded)
        checked = self.checked_now(document)
        return self.diagnostics_of(document, checked) if checked.checked else None

    def publish(self, uri: str, items: list[types.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=items, version=version)
        )

    def recheck_all(self) -> None:
        self.generation += 1
        if self.pull:
            workspace_caps = self.client_capabilities.workspace
            diagnostics_caps = workspace_caps.diagnostics if workspace_caps else None
            if diagnostics_caps and diagnostics_caps.refresh_support:
                self.workspace_diagnostic_refresh(None)
            return
        for document in self.documents:
            self.schedule(document.uri, 0.0)

    async def pull_diagnostics(self, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
        document = self.documents.get(params.text_document.uri)
        if document is None or self.checker is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        result_id = f"{self.generation}.{document.version}"
        if params.previous_result_id == result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        items = await self.run(self._check_and_place, document)
        return types.RelatedFullDocumentDiagnosticReport(items=items or [], result_id=result_id)

    # ------------------------------------------------------------ code actions and hover

    async def code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        document = self.documents.get(params.text_document.uri)
        if document is None or document.path is None or self.checker is None:
            return None
        return await self.run(self._code_actions, document, params)

    def _code_actions(self, document: OpenDocument, params: types.CodeActionParams) -> list[types.CodeAction]:
        assert self.checker is not None
        checked = self.checked_now(document)
        if not checked.checked:
            return []
        lines = self.lines(document.text)
        workspace_caps = self.client_capabilities.workspace
        edit_caps = workspace_caps.workspace_edit if workspace_caps else None
        only = [str(kind) for kind in params.context.only] if params.context.only else None

        def diagnostic_of(violation: Violation) -> types.Diagnostic:
            assert self.checker is not None
            return to_diagnostic(
                violation, lines, suggestion=self.settings.suggestion, href=self.checker.rule_href(violation.code)
            )

        return code_actions(
            document,
            lines,
            checked,
            self.checker,
            params.range,
            only,
            diagnostic_of,
            versioned=bool(edit_caps and edit_caps.document_changes),
        )

    async def hover(self, params: types.HoverParams) -> types.Hover | None:
        document = self.documents.get(params.text_document.uri)
        if document is None or document.path is None or self.checker is None:
            return None
        return await self.run(self._hover, document, params.position)

    def _hover(self, document: OpenDocument, position: types.Position) -> types.Hover | None:
        assert self.checker is not None and document.path is not None
        checked = self.checked_now(document)
        if not checked.checked:
            return None
        text_caps = self.client_capabilities.text_document
        formats = text_caps.hover.content_format if text_caps and text_caps.hover else None
        markdown = not formats or types.MarkupKind.Markdown in formats
        return hover_at(document, self.lines(document.text), checked, self.checker, position, markdown=markdown)


def serve(stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
    """Run the server over stdio until the editor says `exit` (or closes the pipe)."""
    import sys

    logging.basicConfig(level=logging.WARNING, format="contentlint lsp: %(levelname)s: %(message)s", stream=sys.stderr)
    server = ContentlintServer()
    handler = ClientLogHandler(lambda: server.loop, server.window_log_message)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger("contentlint").addHandler(handler)
    server.start_io(cast(BinaryIO, RepairingReader(stdin or sys.stdin.buffer)), stdout or sys.stdout.buffer)
