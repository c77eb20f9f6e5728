"""Reporting: periods with a cut-off day, Vietnamese number format, Phụ lục I."""
