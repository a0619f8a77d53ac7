"""Entry point of the desktop bundle (packaging/journeydesk.spec): the same
``journeydesk`` command as the one pip installs. JourneyDesk starts no Python
child processes (ffmpeg is a program of its own), so no freeze_support()."""

import sys

from journeydesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
