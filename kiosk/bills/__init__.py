"""bills feature."""
