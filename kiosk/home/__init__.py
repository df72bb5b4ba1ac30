"""The kiosk home screen and its shell (language, elder mode, idle reset, device cookie)."""
