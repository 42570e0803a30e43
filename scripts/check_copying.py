"""Flag text copied word for word from the official regulations.

The site explains the law in its own words and quotes only a short term of art, in 「」 or “”.
This finds any run of 20 characters (punctuation and spaces ignored, quoted terms left out) that
also stands in one of the official texts, and names the file and line.
Usage: python scripts/check_copying.py [--laws DIR] [FILE ...]   Exit status 1 when something is found.
The same check runs in `python -m kb check`, in the build and in the tests (kb/copying.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kb.copying import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
