"""VRUS's benchmarks: one runner, ``python -m benchmarks`` (see ``benchmarks/run.py``), that
measures issue 16's rows against floors measured in the same run and writes
``docs/benchmarks.md``. ``encryption.py`` and ``import_members.py`` are scripts of their own.
"""
