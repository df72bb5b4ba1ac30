"""guides feature."""
