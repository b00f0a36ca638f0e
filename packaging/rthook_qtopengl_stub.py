"""PyInstaller runtime hook: Qt's OpenGL function bindings (PySide6.QtOpenGL, 9 MB) are left out of the build.

pyqtgraph imports the module when it loads (pyqtgraph/Qt/OpenGLHelpers.py) but uses it only for OpenGL
drawing, which Siyu never turns on. This stub keeps ``import pyqtgraph`` working; using it raises ImportError.
"""

import sys
import types


class _LeftOut(types.ModuleType):
    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(f"PySide6.QtOpenGL.{name}: Qt's OpenGL bindings are not part of the Siyu build")


sys.modules.setdefault("PySide6.QtOpenGL", _LeftOut("PySide6.QtOpenGL"))
