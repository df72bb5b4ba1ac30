"""Wall and counter displays."""
