# In place of PyInstaller's PySide6 run-time hook: the same environment, but
# without importing PySide6.QtCore at start-up. PyInstaller's hook imports it
# to embed a qt.conf, which PySide6's own QtCore already embeds (pointing at the
# bundled PySide6/Qt); importing it costs a tenth of a second and loads Qt for
# every command, even `--version`, `validate` and `export pdf`, which use none.
# Part of JourneyDesk, GPL-3.0-or-later.


def _pyi_rthook():
    import os
    import sys

    if sys.platform.startswith("win"):
        qt = os.path.join(sys._MEIPASS, "PySide6")
        # Where Qt finds DLLs collected beside the program (e.g. OpenSSL).
        os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")
    else:
        qt = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")


_pyi_rthook()
del _pyi_rthook
