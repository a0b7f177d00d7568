"""The Reports page: report choice, charts, tables, export and print."""
