"""Paired devices: kiosks and displays known by a secret, not by a name; their admin page and pairing screen."""
