"""Registration's rules, free of I/O."""

from .patrons import CardStatus, LanguageTag, Patron, PatronChanges, PatronDetails

__all__ = ["CardStatus", "LanguageTag", "Patron", "PatronChanges", "PatronDetails"]
