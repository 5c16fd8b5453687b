"""Registration's rules, free of I/O. Import the aggregate's module (`domain.patrons`, `domain.programs`, …)."""

# tests/unit/test_patron_rules.py and tests/integration/test_outbox.py (outside this service's files) still import
# PatronDetails from here; drop this line once they import lantern_registration.domain.patrons.
from .patrons import PatronDetails  # noqa: F401
