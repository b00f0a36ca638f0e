"""One window per shop: the socket name, the hand-over (in-process and from a real second start), stale
sockets, and the file argument of the GUI."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer

from app import single_instance
from app.cli import build_parser, split_file_argument
from app.services.database import resolve_location


@pytest.fixture
def name() -> str:
    return f"siyu-test-{uuid.uuid4().hex[:12]}"


def test_server_name_depends_on_the_shop(tmp_path: Path) -> None:
    a = single_instance.server_name(resolve_location(str(tmp_path / "a.db")).url)
    b = single_instance.server_name(resolve_location(str(tmp_path / "b.db")).url)
    again = single_instance.server_name(resolve_location(str(tmp_path / "x" / ".." / "a.db")).url)
    assert a != b and a == again
    assert a.startswith("siyu-") and len(a) < 40  # short enough for a Unix socket path


def test_no_running_instance_means_nobody_to_hand_to(qapp, name: str) -> None:  # type: ignore[no-untyped-def]
    assert single_instance.send_to_running(name, ["x.csv"]) is False


def test_first_claim_listens_and_a_second_start_hands_over(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "shop.db"
    name = single_instance.server_name(resolve_location(str(db)).url)
    server = single_instance.claim(name, [])
    assert server is not None and server.listening
    try:
        sheet = tmp_path / "客户 名单.xlsx"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SIYU_DATA_DIR": str(tmp_path / "data2")}
        with qtbot.waitSignal(server.activation_requested, timeout=10000) as blocker:
            second = subprocess.Popen(
                [sys.executable, "-m", "app.cli", "--db", str(db), str(sheet)],
                env=env,
                cwd=str(tmp_path),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        assert blocker.args == [[str(sheet)]]
        assert second.wait(timeout=20) == 0
        assert not db.exists()  # the second start never opened the database
    finally:
        server.close()


def test_claim_takes_over_a_stale_socket(qapp, name: str) -> None:  # type: ignore[no-untyped-def]
    if sys.platform.startswith("win"):
        pytest.skip("named pipes leave nothing behind")
    probe = QLocalServer()
    assert probe.listen(name)
    path = Path(probe.fullServerName())
    probe.close()
    path.write_bytes(b"")  # what a crashed instance leaves behind
    try:
        server = single_instance.claim(name, [])
        assert server is not None and server.listening
        server.close()
    finally:
        path.unlink(missing_ok=True)


def test_a_live_instance_is_not_taken_over(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    if sys.platform.startswith("win"):
        pytest.skip("on Windows a second server of a pipe name is allowed; the first keeps its clients")
    first = single_instance.InstanceServer(name)
    assert first.listen()
    try:
        second = single_instance.InstanceServer(name)
        assert not second.listen()  # the name is taken while the first instance lives
    finally:
        first.close()


def test_messages_are_parsed_leniently() -> None:
    assert single_instance.parse_message(b'{"files": ["/a.xlsx", 3, ""]}') == ["/a.xlsx"]
    assert single_instance.parse_message(b"not json") == []
    assert single_instance.parse_message(b"[1, 2]") == []


class _Window:
    def __init__(self) -> None:
        self.raised = 0

    def bring_to_front(self) -> None:
        self.raised += 1


def test_files_go_to_the_import_wizard_when_there_is_one() -> None:
    without = _Window()
    single_instance.open_files_in(without, ["/tmp/a.xlsx"])  # raised, the path logged
    assert without.raised == 1

    class WithWizard(_Window):
        def __init__(self) -> None:
            super().__init__()
            self.opened: list[str] = []

        def open_import_file(self, path: str) -> None:
            self.opened.append(path)

    window = WithWizard()
    single_instance.open_files_in(window, ["/tmp/a.xlsx", "/tmp/b.csv"])
    assert window.raised == 1 and window.opened == ["/tmp/a.xlsx", "/tmp/b.csv"]


def test_the_gui_takes_one_file_and_subcommands_keep_theirs(tmp_path: Path) -> None:
    parser = build_parser()
    argv, file = split_file_argument(parser, ["--db", "shop.db", "客户.xlsx", "--lang", "en"])
    assert argv == ["--db", "shop.db", "--lang", "en"] and file == os.path.abspath("客户.xlsx")
    assert split_file_argument(parser, ["--quit-after-show"]) == (["--quit-after-show"], None)
    assert split_file_argument(parser, ["check"]) == (["check"], None)
    argv = ["--db", "shop.db", "demo", "--customers", "5"]
    assert split_file_argument(parser, argv) == (argv, None)
