"""Refresh the translation files: pyside6-lupdate collects the source strings into the .ts files (new ones
unfinished, vanished ones dropped), pyside6-lrelease compiles them into the .qm files the app loads.

Run after changing user-visible strings: python scripts/update_translations.py
Translate with Qt Linguist (pyside6-linguist resources/translations/siyu_zh_CN.ts) or any .ts editor.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def main() -> int:
    for lang in LANGUAGES:
        ts = TS_DIR / f"siyu_{lang}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                lang,
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
