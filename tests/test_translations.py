"""Every user-visible string is in the .ts file with a Chinese translation, and the .qm the app loads has it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "siyu_zh_CN.ts"


def _messages(ts: Path) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    found = {}
    for context in ET.parse(ts).getroot():
        name = context.findtext("name")
        for message in context.findall("message"):
            translation = message.find("translation")
            found[(name, message.findtext("source"))] = (translation.text, translation.get("type"))
    return found


def test_every_source_string_is_translated(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    sources = sorted(str(p) for p in (ROOT / "app").rglob("*.py"))
    subprocess.run(
        [lupdate, *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    messages = _messages(copy)
    assert len(messages) > 50
    untranslated = [key for key, (text, kind) in messages.items() if not text or kind == "unfinished"]
    assert not untranslated, f"strings without a zh_CN translation: {untranslated}"
    assert set(messages) == set(_messages(TS)), "run scripts/update_translations.py"


def test_compiled_translations_match_the_ts_file(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    for (context, source), (text, _kind) in _messages(TS).items():
        assert translator.translate(context, source) == text, (context, source)
