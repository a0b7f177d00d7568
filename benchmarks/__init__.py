"""VRUS's benchmarks: one runner, ``python -m benchmarks`` (see ``benchmarks/run.py``), that
measures issue 16's rows against floors measured in the same run and writes
``docs/benchmarks.md``. ``encryption.py``, ``import_members.py`` and ``load_test.py`` (ten users
on a PostgreSQL server) are scripts of their own.
"""
