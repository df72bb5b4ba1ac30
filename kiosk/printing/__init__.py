"""printing feature."""
