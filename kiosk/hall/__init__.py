"""The hall, its services, windows and devices."""
