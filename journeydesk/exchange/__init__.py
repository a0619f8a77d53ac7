"""Data in and out of a project: card inventories (CSV, XLSX), Mermaid journeys, KPI CSVs.

Qt-free. Each door reads what other tools write (spreadsheets in any locale, wiki
diagrams) into the model and writes what those tools read back; problems are
reported per row or line, never raised as tracebacks. See docs/architecture.md.
"""
