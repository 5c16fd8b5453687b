"""Fault injection with invariants: a steady load, one fault at a time, then checks that nothing promised was lost."""
