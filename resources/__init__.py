"""Data shipped with JourneyDesk (templates, translations, icons).

Installed as the package ``journeydesk.resources``; read it with
``importlib.resources.files("journeydesk.resources")``, never by a path
relative to the source tree.
"""
