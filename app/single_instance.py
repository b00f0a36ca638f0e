"""One window per shop: a second start hands its spreadsheet (if any) to the running window and exits.

The first instance of a shop listens on a local socket (QLocalServer: a Unix socket or a Windows named pipe)
whose name is made from the user and the database location, so that two different shops can be open at once
and two users of one computer never meet. A later start with the same shop connects, sends one line of JSON
(``{"files": [...]}``), and the running instance raises its window and opens the files. macOS does not pass
"open with" files on the command line but as QFileOpenEvent: ``FileOpenFilter`` catches those.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 300
REPLY_TIMEOUT_MS = 500
MAX_MESSAGE = 64 * 1024


def server_name(location_key: str) -> str:
    """The socket name for one user and one shop (``location_key``: the database file or URL)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (rare, e.g. some services)
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = os.path.normcase(location_key)
    digest = hashlib.sha256(f"{user}\0{key}".encode()).hexdigest()[:20]
    return f"siyu-{digest}"


def send_to_running(name: str, files: Sequence[str]) -> bool:
    """Hand ``files`` to the instance listening on ``name``; False when there is none.

    Once connected and written, the request counts as delivered even if the running instance is busy and
    does not answer in time: it reads the request as soon as its event loop is free.
    """
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    sock.write(json.dumps({"files": list(files)}, ensure_ascii=False).encode("utf-8") + b"\n")
    sock.flush()
    sock.waitForBytesWritten(REPLY_TIMEOUT_MS)
    if sock.waitForReadyRead(REPLY_TIMEOUT_MS):
        log.info("handed %d file(s) to the running instance: %s", len(files), bytes(sock.readAll().data()))
    else:
        log.info("the running instance is busy; it will open the window when it is free")
    sock.disconnectFromServer()
    if sock.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        sock.waitForDisconnected(REPLY_TIMEOUT_MS)
    return True


class InstanceServer(QObject):
    """The first instance's end: emits ``activation_requested(files)`` for every later start."""

    activation_requested = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        if sys.platform.startswith("win"):
            # named pipes are visible to every user: only ours may connect. On Unix the socket file is the
            # user's own (umask), and an option here would make listen() replace a live instance's socket.
            self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        return self._server.listen(self.name)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._buffers.clear()  # the sockets go with the server; nothing more to read
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))
            self._read(sock)

    def _drop(self, sock: QLocalSocket) -> None:
        if self._buffers.pop(sock, None) is not None:
            sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        if sock not in self._buffers:
            return
        data = self._buffers[sock] + bytes(sock.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                log.warning("dropping an over-long message on the instance socket")
                self._buffers.pop(sock, None)
                sock.abort()
            else:
                self._buffers[sock] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[sock] = b""
        files = parse_message(line)
        sock.write(b"ok\n")
        sock.flush()
        self.activation_requested.emit(files)


def parse_message(line: bytes) -> list[str]:
    """The files of one request; a malformed request still raises the window (with no files)."""
    try:
        message = json.loads(line.decode("utf-8"))
        files = message.get("files", []) if isinstance(message, dict) else []
        return [f for f in files if isinstance(f, str) and f]
    except (UnicodeDecodeError, ValueError):
        log.warning("malformed message on the instance socket: %r", line[:200])
        return []


def claim(name: str, files: Sequence[str], parent: QObject | None = None) -> InstanceServer | None:
    """Become the shop's first instance (returns its server), or hand ``files`` over (returns None).

    Two starts at the same moment: both find nobody, one wins ``listen``; the other connects to it. A socket
    file left behind by a crashed instance (Unix) is removed and taken over.
    """
    if send_to_running(name, files):
        return None
    server = InstanceServer(name, parent)
    if server.listen():
        return server
    if send_to_running(name, files):  # lost the race to another start
        server.deleteLater()
        return None
    QLocalServer.removeServer(name)  # a stale socket file
    if not server.listen():
        log.warning("cannot listen on %s; a second start will open a second window", name)
    return server


def open_files_in(window: Any, files: Sequence[str]) -> None:
    """Raise the window and give it each file to import (``MainWindow.open_import_file``)."""
    window.bring_to_front()
    for path in files:
        opener = getattr(window, "open_import_file", None)
        if opener is None:
            log.info("asked to open %s; this version has no import wizard yet", path)
            continue
        opener(path)


class FileOpenFilter(QObject):
    """macOS delivers "open with" and files dropped on the Dock icon as QFileOpenEvent: ``file_opened``."""

    file_opened = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()  # type: ignore[attr-defined]
            if path:
                self.file_opened.emit(path)
                return True
        return super().eventFilter(watched, event)


def hand_over_early(db: str | None, files: Sequence[str]) -> bool:
    """Before the GUI is even imported: hand ``files`` to a running window of the same shop, if any.

    Keeps a second start fast (Qt's network module only). ``run_gui`` claims the shop again, which also
    covers a first instance that appears in between.
    """
    from app import logging_setup
    from app.services.database import resolve_location

    name = server_name(resolve_location(db).url)
    if not send_to_running(name, files):
        return False
    logging_setup.setup()
    log.info("Siyu is already open on this shop: handed over %s", list(files))
    return True
