import sys

from journeydesk.cli import main

sys.exit(main())
