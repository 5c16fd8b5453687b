"""Open Referral HSDS 3.0: the schema, and partner records exported to and imported from HSDS organizations."""
