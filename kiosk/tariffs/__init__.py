"""tariffs feature."""
