"""Registration's rules, free of I/O. Import the aggregate's module (`domain.patrons`, `domain.programs`, …)."""
