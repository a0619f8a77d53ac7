"""Licence texts the third-party notices need and no installed package ships.

``LGPL-3.0.txt``: the GNU Lesser General Public License, version 3 (verbatim),
under which the bundle carries Qt and PySide6. Its companion, the GPL version
3, is JourneyDesk's own ``LICENSE``.
"""
