"""The partners service's use cases: plain async functions, each a unit of work plus the events it causes."""
