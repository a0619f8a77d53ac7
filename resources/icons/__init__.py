"""The application icon, drawn for JourneyDesk: ``journeydesk.svg``.

The PNG sizes, ``.ico`` and ``.icns`` are generated from it at build time by
``packaging/make_icons.py``; only the SVG is kept in the repository.
"""
