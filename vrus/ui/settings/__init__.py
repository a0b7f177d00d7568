"""The Settings page: general settings and the reference data editors (municipalities and
population figures, instruments, ensembles, organisations, course grant rules)."""
