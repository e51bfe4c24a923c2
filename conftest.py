"""Test-wide setup: every test run gets its own data folder, so no test touches a user's answers."""

import os
import tempfile

os.environ.setdefault("WELBEVINDEN_DATA", tempfile.mkdtemp(prefix="welbevinden-test-"))
