"""Data: SQLAlchemy tables (``schema``) and the Qt item models that show query results (no widgets here)."""
