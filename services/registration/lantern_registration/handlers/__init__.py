"""Registration's use cases: each a local transaction plus the events it causes."""
