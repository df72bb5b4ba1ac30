"""notices feature."""
