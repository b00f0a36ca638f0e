"""Build the double-click app: ``python packaging/build.py`` (after ``pip install -e '.[build]'``).

Makes dist/Siyu/ (the executable Siyu, Siyu.exe on Windows; on macOS also dist/Siyu.app) with PyInstaller
from packaging/siyu.spec, adds the platform's extras, and writes an archive beside it in dist/:
Siyu-VERSION-linux-x86_64.tar.gz, Siyu-VERSION-windows-x64.zip or Siyu-VERSION-macos-arm64.zip.
On Windows, packaging/windows/siyu.iss then makes the installer with Inno Setup (the CI workflow does it).

This folder is not a Python package (no __init__.py): run this file by its path.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from app import __version__

    return __version__


def platform_tag() -> str:
    machine = platform.machine().lower()
    machine = {"amd64": "x64", "x86_64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    if sys.platform.startswith("win"):
        return f"windows-{machine}"
    if sys.platform == "darwin":
        return f"macos-{machine}"
    return f"linux-{machine}"


def windows_version_file(ver: str) -> Path:
    """The version resource of Siyu.exe (Explorer's Properties → Details), from app.__version__."""
    numbers = [int(p) for p in ver.split(".")[:3] if p.isdigit()] + [0, 0, 0, 0]
    four = tuple(numbers[:4])
    text = (HERE / "windows" / "version_info.txt.in").read_text(encoding="utf-8")
    text = text.replace("@FILEVERS@", repr(four)).replace("@VERSION@", ver)
    out = WORK / "version_info.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def run_pyinstaller(clean: bool, ver: str) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("build: PyInstaller is missing; install the build tools with: pip install -e '.[build]'")
    env = dict(os.environ)
    if sys.platform.startswith("win"):
        env["SIYU_VERSION_FILE"] = str(windows_version_file(ver))
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(HERE / "siyu.spec"),
        "--noconfirm",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        "--log-level",
        "WARN",
    ]
    if clean:
        command.append("--clean")
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def add_platform_extras(app_dir: Path) -> None:
    if sys.platform.startswith("linux"):
        # the desktop entry, its icons and a script that installs both for the current user
        for name in ("siyu.desktop", "install-desktop-entry.sh"):
            shutil.copy2(HERE / "linux" / name, app_dir / name)
        (app_dir / "install-desktop-entry.sh").chmod(0o755)


def strip_linux(app_dir: Path) -> int:
    """Strip symbols from the shared libraries (libpython alone drops from 23 to 6 MB); saves bytes.

    Not the libraries that wheels vendor in ``*.libs`` folders: auditwheel rewrote them with patchelf and
    strip breaks them (numpy's OpenBLAS then fails to load: "ELF load command address/offset not
    page-aligned"), which is why PyInstaller's own all-or-nothing ``strip`` stays off in the spec.
    """
    saved = 0
    for path in sorted(app_dir.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or any(p.endswith(".libs") for p in path.parent.parts):
            continue
        with path.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        before = path.stat().st_size
        if subprocess.run(["strip", "--strip-unneeded", str(path)], capture_output=True).returncode == 0:
            saved += before - path.stat().st_size
    return saved


def self_test(exe: Path) -> None:
    """The built app imports its lazy and future modules and finds its resources (siyu_main.selftest)."""
    env = {**os.environ, "SIYU_BUNDLE_SELFTEST": "1", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([str(exe)], env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        sys.exit(f"build: the self-test of {exe} failed:\n{result.stdout}{result.stderr}")
    print("build: self-test passed")  # (a windowed Siyu.exe prints nothing; its exit code counts)


def make_archive(ver: str) -> Path:
    stem = f"Siyu-{ver}-{platform_tag()}"
    if sys.platform == "darwin":
        archive = DIST / f"{stem}.zip"
        archive.unlink(missing_ok=True)
        # ditto keeps the .app bundle's symlinks and extended attributes, which a plain zip would break
        subprocess.run(
            ["ditto", "-c", "-k", "--keepParent", str(DIST / "Siyu.app"), str(archive)], check=True
        )
        return archive
    if sys.platform.startswith("win"):
        archive = DIST / f"{stem}.zip"
        archive.unlink(missing_ok=True)
        shutil.make_archive(str(DIST / stem), "zip", root_dir=DIST, base_dir="Siyu")
        return archive
    archive = DIST / f"{stem}.tar.gz"
    archive.unlink(missing_ok=True)
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(DIST / "Siyu", arcname="Siyu")
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-clean", action="store_true", help="reuse PyInstaller's cache in build/")
    parser.add_argument("--no-archive", action="store_true", help="only the dist/Siyu folder")
    args = parser.parse_args(argv)

    ver = version()
    started = time.time()
    run_pyinstaller(clean=not args.no_clean, ver=ver)
    app_dir = DIST / "Siyu"
    exe = app_dir / ("Siyu.exe" if sys.platform.startswith("win") else "Siyu")
    if not exe.exists():
        sys.exit(f"build: {exe} was not made")
    add_platform_extras(app_dir)
    if sys.platform.startswith("linux") and shutil.which("strip"):
        print(f"build: stripped {strip_linux(app_dir) / 1e6:.1f} MB of symbols")
    self_test(exe)
    print(f"build: {app_dir} ({folder_size(app_dir) / 1e6:.1f} MB) in {time.time() - started:.0f} s")
    if not args.no_archive:
        archive = make_archive(ver)
        print(f"build: {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
